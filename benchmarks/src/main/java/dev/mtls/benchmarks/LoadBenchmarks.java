/*
 * Copyright 2026 the mtls-spring-boot authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.mtls.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mtls.benchmarks.LoadTools.AbResult;

import org.springframework.util.FileSystemUtils;

/**
 * The load benchmarks: the starter against hand-wired Spring Boot mTLS (the baseline) and
 * against the same application over one-way TLS, each in its own JVM with the same flags,
 * loaded over loopback by ApacheBench and {@code openssl s_time} presenting a client
 * certificate. Variants are measured in alternation, a different order every round, so
 * that machine drift cancels in the ratios. Prints Markdown.
 *
 * <p>
 * Run: {@code benchmarks/run.sh load [rounds] [seconds]}.
 *
 * @author mtls-spring-boot authors
 */
public final class LoadBenchmarks {

	static final String KEEP_ALIVE = "keep-alive";

	static final String FULL_13 = "full TLS 1.3";

	static final String FULL_12 = "full TLS 1.2";

	static final String RESUMED_13 = "resumed TLS 1.3";

	static final String RESUMED_12 = "resumed TLS 1.2";

	static final String STARTUP = "startup";

	/**
	 * Keep-alive load before measuring: the JIT needs about 20 s on 2 cores to reach a
	 * steady state.
	 */
	static final int WARM_UP_SECONDS = 20;

	/**
	 * Startups per variant: single startups vary by a few hundred milliseconds.
	 */
	static final int STARTUP_ROUNDS = 5;

	private final int rounds;

	private final int seconds;

	private final Path work;

	private final BenchmarkPki pki;

	private final LoadTools tools;

	private final Results results = new Results();

	private LoadBenchmarks(int rounds, int seconds, Path work) throws IOException {
		this.rounds = rounds;
		this.seconds = seconds;
		this.work = work;
		this.pki = new BenchmarkPki(work.resolve("pki"));
		this.tools = new LoadTools(this.pki.file("client.pem"), this.pki.file("client.crt"),
				this.pki.file("client.key"));
	}

	public static void main(String[] args) throws Exception {
		for (String tool : List.of("ab", "openssl")) {
			if (!Commands.available(tool)) {
				throw new IllegalStateException(tool + " is missing: install apache2-utils and openssl");
			}
		}
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 3;
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 4;
		Path work = Files.createTempDirectory("mtls-benchmarks-");
		LoadBenchmarks benchmarks = new LoadBenchmarks(rounds, seconds, work);
		List<Variant> variants = new Variants(benchmarks.pki, Path.of(args.length > 2 ? args[2] : ".")).load();
		RotationBenchmark.Outcome rotation = benchmarks.load(variants);
		benchmarks.startup(new Variants(benchmarks.pki, Path.of(args.length > 2 ? args[2] : ".")).startup(work));
		System.out.println(new Report(benchmarks.results, rounds, seconds).render(variants, rotation));
	}

	private RotationBenchmark.Outcome load(List<Variant> variants) throws Exception {
		Map<Variant, ServerProcess> servers = new LinkedHashMap<>();
		try {
			for (Variant variant : variants) {
				servers.put(variant, ServerProcess.start(variant, this.work, freePort()));
			}
			for (ServerProcess server : servers.values()) {
				log("warming up " + server.name());
				warmUp(server);
			}
			List<ServerProcess> order = new ArrayList<>(servers.values());
			for (int round = 1; round <= this.rounds; round++) {
				for (ServerProcess server : order) {
					log("round " + round + ": " + server.name());
					measure(server);
				}
				Collections.rotate(order, 1);
			}
			ServerProcess starter = servers.values()
				.stream()
				.filter((server) -> server.name().equals("starter"))
				.findFirst()
				.orElseThrow();
			return new RotationBenchmark(this.pki, this.tools, this.rounds, this.seconds).run(starter);
		}
		finally {
			servers.values().forEach(ServerProcess::close);
		}
	}

	private void warmUp(ServerProcess server) throws Exception {
		boolean mtls = !server.name().startsWith("one-way");
		this.tools.ab(server.port(), true, 16, WARM_UP_SECONDS, "TLS1.3", mtls);
		this.tools.ab(server.port(), false, 8, 3, "TLS1.3", mtls);
		if (mtls) {
			this.tools.ab(server.port(), false, 8, 2, "TLS1.2", mtls);
			this.tools.resumed(server.port(), 4, 1, "-tls1_3");
		}
	}

	private void measure(ServerProcess server) throws Exception {
		boolean mtls = !server.name().startsWith("one-way");
		abTest(KEEP_ALIVE, server, true, 16, "TLS1.3", mtls);
		abTest(FULL_13, server, false, 8, "TLS1.3", mtls);
		boolean java17 = !server.name().contains("Java 25");
		if (mtls && java17) {
			abTest(FULL_12, server, false, 8, "TLS1.2", mtls);
			double[] resumed13 = this.tools.resumed(server.port(), 4, this.seconds, "-tls1_3");
			this.results.add(RESUMED_13, server.name(), resumed13);
			if (java17) {
				double[] resumed12 = this.tools.resumed(server.port(), 4, this.seconds, "-tls1_2");
				this.results.add(RESUMED_12, server.name(), resumed12);
			}
		}
	}

	private void abTest(String test, ServerProcess server, boolean keepAlive, int concurrency, String protocol,
			boolean mtls) throws Exception {
		long cpuBefore = server.cpuMicros();
		AbResult result = this.tools.ab(server.port(), keepAlive, concurrency, this.seconds, protocol, mtls);
		long cpu = server.cpuMicros() - cpuBefore;
		this.results.add(test, server.name(), result.rps(), (double) cpu / Math.max(1, result.completed()),
				result.p50(), result.p99(), result.failed() + result.non2xx());
	}

	private void startup(List<Variant> variants) throws Exception {
		for (int round = 1; round <= STARTUP_ROUNDS; round++) {
			for (Variant variant : variants) {
				log("startup round " + round + ": " + variant.name());
				FileSystemUtils.deleteRecursively(this.work.resolve("dev-pki"));
				try (ServerProcess server = ServerProcess.start(variant, this.work, freePort())) {
					double[] started = server.started();
					this.results.add(STARTUP, variant.name(), started[0], started[1],
							server.heapAfterGcMib(variant.jcmd()), server.developmentPkiMillis());
				}
			}
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static void log(String message) {
		System.err.println("[benchmarks] " + message);
	}

}
