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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.mtls.benchmarks.LoadTools.AbResult;
import dev.mtls.boot.test.files.MaterialFiles;
import dev.mtls.boot.test.pki.Credential;

/**
 * Requests per second of the starter with its certificate rotated every second (written
 * to a temporary file and renamed over the old one, as most tools do) against the same
 * server without rotation, alternating, for keep-alive load and for a new connection
 * (full handshake) per request. Every failed request and non-2xx response is counted.
 *
 * @author mtls-spring-boot authors
 */
final class RotationBenchmark {

	private final BenchmarkPki pki;

	private final LoadTools tools;

	private final int rounds;

	private final int seconds;

	RotationBenchmark(BenchmarkPki pki, LoadTools tools, int rounds, int seconds) {
		this.pki = pki;
		this.tools = tools;
		this.rounds = rounds;
		this.seconds = seconds;
	}

	/**
	 * Measure on the running, warmed-up starter whose material is
	 * {@link BenchmarkPki#rotatable()}.
	 * @param server the starter
	 * @return the outcome
	 * @throws Exception on failure
	 */
	Outcome run(ServerProcess server) throws Exception {
		List<Credential> credentials = this.pki.servers(8);
		MaterialFiles files = this.pki.rotatable();
		Outcome outcome = new Outcome();
		for (int round = 1; round <= this.rounds; round++) {
			for (boolean keepAlive : new boolean[] { true, false }) {
				LoadBenchmarks.log("rotation round " + round + (keepAlive ? ", keep-alive" : ", new connections"));
				AbResult still = this.tools.ab(server.port(), keepAlive, keepAlive ? 16 : 8, this.seconds, "TLS1.3",
						true);
				long reloadsBefore = reloads(server.log());
				AbResult rotating = whileRotating(files, credentials, () -> this.tools.ab(server.port(), keepAlive,
						keepAlive ? 16 : 8, this.seconds, "TLS1.3", true));
				ServerProcess.sleep(300);
				outcome.add(keepAlive, still, rotating, reloads(server.log()) - reloadsBefore);
			}
		}
		return outcome;
	}

	private AbResult whileRotating(MaterialFiles files, List<Credential> credentials, Load load) throws Exception {
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger next = new AtomicInteger(1);
		Thread rotator = new Thread(() -> {
			while (running.get()) {
				ServerProcess.sleep(1000);
				if (running.get()) {
					files.replace(credentials.get(next.getAndIncrement() % credentials.size()),
							this.pki.ca().certificateOfAuthority());
				}
			}
		}, "rotator");
		rotator.start();
		try {
			return load.run();
		}
		finally {
			running.set(false);
			rotator.join(5000);
		}
	}

	private static long reloads(Path log) throws Exception {
		return Files.readAllLines(log).stream().filter((line) -> line.contains("reloaded in")).count();
	}

	@FunctionalInterface
	private interface Load {

		AbResult run() throws Exception;

	}

	/**
	 * Requests per second with and without rotation, per round.
	 */
	static final class Outcome {

		final Results results = new Results();

		long failed;

		long reloads;

		void add(boolean keepAlive, AbResult still, AbResult rotating, long reloads) {
			String test = keepAlive ? "keep-alive" : "new connection per request";
			this.results.add(test, "without rotation", still.rps(), still.failed() + still.non2xx());
			this.results.add(test, "rotation every second", rotating.rps(), rotating.failed() + rotating.non2xx());
			this.failed += still.failed() + still.non2xx() + rotating.failed() + rotating.non2xx();
			this.reloads += reloads;
		}

	}

}
