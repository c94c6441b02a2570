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

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.mtls.boot.test.client.TlsTestClient;
import dev.mtls.boot.test.files.MaterialFiles;
import dev.mtls.boot.test.files.Replacement;
import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.Credential;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * Measures reload latency with default settings: the time from the last write of a
 * rotation until a new handshake presents the new certificate, on the server (seen by an
 * external client) and on the client (the application's own RestClient, seen by the
 * server), over many rotations per replacement style. Prints a Markdown table.
 *
 * <p>
 * Run: {@code benchmarks/run.sh reload [rotations]}.
 *
 * @author mtls-spring-boot authors
 */
public final class ReloadLatency {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

	private ReloadLatency() {
	}

	public static void main(String[] args) throws Exception {
		int rotations = (args.length > 0) ? Integer.parseInt(args[0]) : 20;
		CertificateAuthority ca = CertificateAuthority.root("Benchmark CA");
		TlsTestClient observer = TlsTestClient.presenting(
				ca.certificate().uri("spiffe://example.org/observer").clientAuth().issue(),
				ca.certificateOfAuthority());
		List<String> rows = new ArrayList<>();
		measure(ca, observer, Replacement.RENAME, 10, new ArrayList<>());
		for (Replacement replacement : Replacement.values()) {
			measure(ca, observer, replacement, rotations, rows);
		}
		System.out.println();
		System.out.println("| Replacement | From the last write until | Rotations | p50 (ms) | p99 (ms) | max (ms) |");
		System.out.println("|---|---|---|---|---|---|");
		rows.forEach(System.out::println);
	}

	private static void measure(CertificateAuthority ca, TlsTestClient observer, Replacement replacement, int rotations,
			List<String> rows) throws Exception {
		Path directory = Files.createTempDirectory("mtls-reload-" + replacement.name().toLowerCase());
		MaterialFiles files = MaterialFiles.create(directory, replacement, server(ca), ca.certificateOfAuthority());
		try (ConfigurableApplicationContext context = start(files)) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			List<Long> swap = new ArrayList<>();
			List<Long> server = new ArrayList<>();
			List<Long> client = new ArrayList<>();
			for (int i = 0; i < rotations; i++) {
				Credential next = server(ca);
				if (replacement == Replacement.DELETE_AND_RECREATE) {
					files.replace(next, ca.certificateOfAuthority());
				}
				files.replace(next, ca.certificateOfAuthority());
				long written = System.nanoTime();
				server.add(untilServerPresents(observer, port, next.serial(), written));
				swap.add(BenchmarkApplication.lastReload - written);
				client.add(untilClientPresents(context, port, next.serial(), written));
			}
			rows.add(row(replacement, "swap (validated and in use)", swap));
			rows.add(row(replacement, "server presents it", server));
			rows.add(row(replacement, "client presents it", client));
		}
	}

	private static ConfigurableApplicationContext start(MaterialFiles files) {
		List<String> properties = new ArrayList<>(List.of(files.bundleProperties("service")));
		properties.add("server.port=0");
		properties.add("logging.level.root=warn");
		properties.add("logging.level.dev.mtls.boot.ssl.MaterialReloader=" + System.getProperty("reload.log", "warn"));
		properties.add("spring.main.banner-mode=off");
		return new SpringApplicationBuilder(BenchmarkApplication.class).properties(properties.toArray(new String[0]))
			.run();
	}

	private static long untilServerPresents(TlsTestClient observer, int port, BigInteger serial, long written)
			throws Exception {
		while (System.nanoTime() - written < TIMEOUT_NANOS) {
			if (observer.forgetSessions().handshake("localhost", port).getSerialNumber().equals(serial)) {
				return System.nanoTime() - written;
			}
		}
		throw new IllegalStateException("The server did not present " + serial.toString(16));
	}

	private static long untilClientPresents(ConfigurableApplicationContext context, int port, BigInteger serial,
			long written) {
		String expected = serial.toString(16);
		while (System.nanoTime() - written < TIMEOUT_NANOS) {
			Map<String, Object> peer = context.getBean(RestClient.Builder.class)
				.build()
				.get()
				.uri("https://localhost:" + port + "/peer")
				.retrieve()
				.body(JSON);
			if (expected.equals(peer.get("serial"))) {
				return System.nanoTime() - written;
			}
		}
		throw new IllegalStateException("The client did not present " + expected);
	}

	private static String row(Replacement replacement, String side, List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return "| %s | %s | %d | %.0f | %.0f | %.0f |".formatted(replacement.name().toLowerCase().replace('_', '-'),
				side, sorted.size(), millis(percentile(sorted, 50)), millis(percentile(sorted, 99)),
				millis(sorted.get(sorted.size() - 1)));
	}

	private static long percentile(List<Long> sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	private static double millis(long nanos) {
		return nanos / 1_000_000.0;
	}

	private static Credential server(CertificateAuthority ca) {
		return ca.certificate()
			.commonName("localhost")
			.uri("spiffe://example.org/benchmark")
			.dns("localhost")
			.ip("127.0.0.1")
			.serverAuth()
			.clientAuth()
			.issue();
	}

}
