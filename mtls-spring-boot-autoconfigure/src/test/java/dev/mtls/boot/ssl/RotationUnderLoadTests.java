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
package dev.mtls.boot.ssl;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.mtls.boot.test.client.TlsTestClient;
import dev.mtls.boot.test.files.MaterialFiles;
import dev.mtls.boot.test.files.Replacement;
import dev.mtls.boot.test.pki.Credential;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rotates key material repeatedly (in place, certificate and key as separate writes)
 * while requests flow on keep-alive and new connections, against the server and from the
 * application's own client: no request may fail.
 *
 * @author mtls-spring-boot authors
 */
class RotationUnderLoadTests {

	private static final int ROTATIONS = 12;

	private static final int MAX_REQUESTS_PER_WORKER = 5_000;

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@TempDir
	Path directory;

	@Test
	void whenMaterialRotatesUnderLoadThenNoRequestFails() throws Exception {
		Credential first = ReloadIntegrationTests.server();
		MaterialFiles files = MaterialFiles.create(this.directory, Replacement.IN_PLACE, first,
				Rotations.CA.certificateOfAuthority());
		TlsTestClient external = TlsTestClient.presenting(
				Rotations.CA.certificate().uri("spiffe://example.org/load").clientAuth().issue(),
				Rotations.CA.certificateOfAuthority());
		try (ConfigurableApplicationContext context = Rotations.start(files.bundleProperties("service"))) {
			String url = "https://localhost:" + Rotations.port(context) + "/peer";
			RestClient keepAliveClient = context.getBean(RestClient.Builder.class).build();
			AtomicBoolean running = new AtomicBoolean(true);
			List<Throwable> failures = new CopyOnWriteArrayList<>();
			Set<Object> serverSerialsSeen = ConcurrentHashMap.newKeySet();
			Set<Object> clientSerialsSeen = ConcurrentHashMap.newKeySet();
			Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
			ExecutorService workers = Executors.newFixedThreadPool(4);
			List<Future<?>> futures = new ArrayList<>();
			futures.add(workers.submit(() -> loop("server keep-alive", running, failures, counts, () -> {
				HttpResponse<String> response = external.get(url);
				assertThat(response.statusCode()).isEqualTo(200);
			})));
			futures.add(workers.submit(() -> loop("server new connections", running, failures, counts,
					() -> serverSerialsSeen.add(external.withNewSessions()
						.handshake("localhost", Rotations.port(context))
						.getSerialNumber()))));
			futures.add(workers.submit(() -> loop("client keep-alive", running, failures, counts,
					() -> keepAliveClient.get().uri(url).retrieve().body(JSON))));
			futures.add(workers.submit(() -> loop("client new connections", running, failures, counts,
					() -> clientSerialsSeen.add(context.getBean(RestClient.Builder.class)
						.build()
						.get()
						.uri(url)
						.retrieve()
						.body(JSON)
						.get("serial")))));
			try {
				await().atMost(Duration.ofSeconds(30)).until(() -> counts.size() == 4);
				for (int i = 0; i < ROTATIONS; i++) {
					Map<String, Integer> before = snapshot(counts);
					await().atMost(Duration.ofSeconds(30)).until(() -> everyWorkerAdvanced(counts, before, 5));
					Credential next = ReloadIntegrationTests.server();
					files.replace(next, Rotations.CA.certificateOfAuthority());
					BigInteger expected = next.serial();
					await().atMost(Duration.ofSeconds(10))
						.until(() -> context.getBean(MaterialSource.class).current().leaf().getSerialNumber(),
								expected::equals);
				}
			}
			finally {
				running.set(false);
				for (Future<?> future : futures) {
					future.get(60, TimeUnit.SECONDS);
				}
				workers.shutdownNow();
			}

			LogFactory.getLog(RotationUnderLoadTests.class)
				.info("Requests during " + ROTATIONS + " rotations: " + counts + ", failed: " + failures.size());
			assertThat(failures).as("failed requests").isEmpty();
			assertThat(counts.values()).allSatisfy((count) -> assertThat(count.get()).isGreaterThan(ROTATIONS));
			assertThat(serverSerialsSeen).hasSizeGreaterThan(ROTATIONS / 2);
			assertThat(clientSerialsSeen).hasSizeGreaterThan(ROTATIONS / 2);
		}
	}

	private static Map<String, Integer> snapshot(Map<String, AtomicInteger> counts) {
		Map<String, Integer> snapshot = new java.util.HashMap<>();
		counts.forEach((name, count) -> snapshot.put(name, count.get()));
		return snapshot;
	}

	private static boolean everyWorkerAdvanced(Map<String, AtomicInteger> counts, Map<String, Integer> before, int by) {
		return before.entrySet()
			.stream()
			.allMatch((entry) -> counts.get(entry.getKey()).get() >= entry.getValue() + by);
	}

	private static void loop(String name, AtomicBoolean running, List<Throwable> failures,
			Map<String, AtomicInteger> counts, ThrowingRunnable request) {
		AtomicInteger count = counts.computeIfAbsent(name, (key) -> new AtomicInteger());
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (running.get() && count.get() < MAX_REQUESTS_PER_WORKER && System.nanoTime() < deadline) {
			try {
				request.run();
				count.incrementAndGet();
			}
			catch (Throwable ex) {
				failures.add(new AssertionError(name + " request " + count.get() + " failed", ex));
				count.incrementAndGet();
			}
		}
	}

	@FunctionalInterface
	interface ThrowingRunnable {

		void run() throws Exception;

	}

}
