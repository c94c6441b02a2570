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
import java.util.ArrayList;
import java.util.List;

import dev.mtls.boot.test.files.MaterialFiles;

/**
 * The applications under benchmark, all with the same JVM flags and the same endpoint
 * ({@code GET /hello}, answering with the caller's name):
 * <ul>
 * <li>{@code one-way}: the baseline application over one-way TLS (no client
 * certificate);</li>
 * <li>{@code baseline}: hand-wired mTLS, Spring Boot's SSL bundle with
 * {@code server.ssl.client-auth=need} and Spring Security's {@code x509()} with a
 * {@code UserDetailsService} and an authority rule;</li>
 * <li>{@code starter}: mtls-spring-boot with identity extraction, authority mapping and
 * an {@code @AllowClients} rule on the endpoint;</li>
 * <li>the last two again on Java 25 when a Java 25 JDK is installed
 * ({@code BENCHMARK_JAVA25}, default {@code /usr/lib/jvm/temurin-25-jdk-amd64}).</li>
 * </ul>
 *
 * @author mtls-spring-boot authors
 */
final class Variants {

	/**
	 * Arguments of every variant. Tomcat closes a keep-alive connection after 100
	 * requests by default; unlimited keep-alive makes the keep-alive benchmark measure
	 * the cost of a request rather than a full handshake every 100 requests (handshakes
	 * are measured on their own).
	 */
	static final List<String> COMMON = List.of("--spring.main.banner-mode=off", "--logging.level.root=warn",
			"--logging.level.dev.mtls.benchmarks=info", "--server.tomcat.max-keep-alive-requests=-1");

	private final BenchmarkPki pki;

	private final Path root;

	Variants(BenchmarkPki pki, Path root) {
		this.pki = pki;
		this.root = root;
	}

	List<Variant> load() {
		String java17 = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<Variant> variants = new ArrayList<>();
		variants.add(oneWay(java17));
		variants.add(baseline("baseline", java17));
		variants.add(starter("starter", java17, rotatable()));
		Path java25 = java25();
		if (java25 != null) {
			variants.add(baseline("baseline (Java 25)", java25.toString()));
			variants.add(starter("starter (Java 25)", java25.toString(), List.of()));
		}
		return variants;
	}

	List<Variant> startup(Path work) {
		String java17 = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return List.of(baseline("baseline", java17), starter("starter", java17, List.of()),
				starter("starter, development PKI", java17, List.of("--mtls.dev.enabled=true",
						"--mtls.dev.directory=" + work.resolve("dev-pki"), "--spring.application.name=bench")));
	}

	private List<String> rotatable() {
		MaterialFiles files = this.pki.rotatable();
		List<String> arguments = new ArrayList<>(
				BenchmarkPki.bundleArguments("bench", files.certificate(), files.privateKey(), files.trust()));
		arguments.add("--logging.level.dev.mtls.boot.ssl.MaterialReloader=info");
		return arguments;
	}

	private Variant oneWay(String java) {
		List<String> arguments = new ArrayList<>(COMMON);
		arguments.addAll(this.pki.bundleArguments("bench"));
		arguments.addAll(List.of("--server.ssl.bundle=bench", "--server.ssl.client-auth=none",
				"--spring.profiles.active=one-way"));
		return new Variant("one-way TLS", java, List.of(), baselineJar(this.root), arguments);
	}

	private Variant baseline(String name, String java) {
		List<String> arguments = new ArrayList<>(COMMON);
		arguments.addAll(this.pki.bundleArguments("bench"));
		arguments.addAll(List.of("--server.ssl.bundle=bench", "--server.ssl.client-auth=need"));
		return new Variant(name, java, List.of(), baselineJar(this.root), arguments);
	}

	private Variant starter(String name, String java, List<String> extra) {
		List<String> arguments = new ArrayList<>(COMMON);
		if (extra.stream()
			.noneMatch((argument) -> argument.startsWith("--mtls.dev.enabled") || argument.contains(".keystore."))) {
			arguments.addAll(this.pki.bundleArguments("bench"));
		}
		arguments.add("--mtls.bundle=bench");
		arguments.add("--mtls.authorization.clients[spiffe://example.org/**]=hello:read");
		arguments.addAll(extra);
		return new Variant(name, java, List.of(), starterJar(this.root), arguments);
	}

	static Path starterJar(Path root) {
		return root.resolve("benchmarks/target/benchmarks-exec.jar");
	}

	static Path baselineJar(Path root) {
		return root.resolve("benchmarks/baseline/target/benchmarks-baseline-exec.jar");
	}

	static Path java25() {
		String home = System.getenv().getOrDefault("BENCHMARK_JAVA25", "/usr/lib/jvm/temurin-25-jdk-amd64");
		Path java = Path.of(home, "bin", "java");
		return Files.isExecutable(java) ? java : null;
	}

}
