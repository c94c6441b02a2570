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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.mtls.boot.test.files.MaterialFiles;
import dev.mtls.boot.test.files.Replacement;
import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.pki.Pem;

/**
 * The certificates of a benchmark run, generated per run (EC P-256): a CA, the server's
 * certificate and the client's (CN {@code bench-client} for the baseline's
 * {@code x509()}, SPIFFE ID {@code spiffe://example.org/bench-client} for the starter),
 * written as PEM files.
 *
 * @author mtls-spring-boot authors
 */
final class BenchmarkPki {

	private final CertificateAuthority ca = CertificateAuthority.root("Benchmark CA");

	private final Path directory;

	private final MaterialFiles rotatable;

	BenchmarkPki(Path directory) throws IOException {
		this.directory = Files.createDirectories(directory);
		Credential server = server();
		Pem.write(directory.resolve("server.crt"), server.certificatePem());
		Pem.write(directory.resolve("server.key"), server.privateKeyPem());
		Pem.write(directory.resolve("ca.crt"), Pem.certificates(List.of(this.ca.certificateOfAuthority())));
		Credential client = this.ca.certificate()
			.commonName("bench-client")
			.uri("spiffe://example.org/bench-client")
			.clientAuth()
			.issue();
		Pem.write(directory.resolve("client.crt"), client.certificatePem());
		Pem.write(directory.resolve("client.key"), client.privateKeyPem());
		Pem.write(directory.resolve("client.pem"), client.certificatePem() + client.privateKeyPem());
		this.rotatable = MaterialFiles.create(directory.resolve("rotatable"), Replacement.RENAME, server(),
				this.ca.certificateOfAuthority());
	}

	/**
	 * The server material of the starter on Java 17, which the rotation benchmark
	 * replaces.
	 * @return the files
	 */
	MaterialFiles rotatable() {
		return this.rotatable;
	}

	Credential server() {
		return this.ca.certificate()
			.commonName("localhost")
			.dns("localhost")
			.ip("127.0.0.1")
			.uri("spiffe://example.org/bench-server")
			.serverAuth()
			.clientAuth()
			.issue();
	}

	List<Credential> servers(int count) {
		List<Credential> servers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			servers.add(server());
		}
		return servers;
	}

	CertificateAuthority ca() {
		return this.ca;
	}

	Path file(String name) {
		return this.directory.resolve(name);
	}

	/**
	 * The Spring Boot SSL bundle properties of the server material.
	 * @param bundle the bundle name
	 * @return the arguments
	 */
	List<String> bundleArguments(String bundle) {
		return bundleArguments(bundle, file("server.crt"), file("server.key"), file("ca.crt"));
	}

	static List<String> bundleArguments(String bundle, Path certificate, Path key, Path trust) {
		String prefix = "--spring.ssl.bundle.pem." + bundle + ".";
		return List.of(prefix + "keystore.certificate=file:" + certificate, prefix + "keystore.private-key=file:" + key,
				prefix + "truststore.certificate=file:" + trust);
	}

}
