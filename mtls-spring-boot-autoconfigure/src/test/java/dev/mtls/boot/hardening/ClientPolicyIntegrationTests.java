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
package dev.mtls.boot.hardening;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.mtls.boot.ssl.MaterialSource;
import dev.mtls.boot.ssl.RecordingVerificationListener;
import dev.mtls.boot.test.client.TlsTestServer;
import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.pki.KeyType;
import dev.mtls.boot.test.pki.Pem;
import dev.mtls.boot.test.pki.TestPki;
import dev.mtls.boot.testapp.PeerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Tests that the application's mTLS clients apply the same policy to servers: a server
 * that presents a certificate peers would refuse is refused, with the reason counted on
 * the client side.
 *
 * @author mtls-spring-boot authors
 */
class ClientPolicyIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void whenServerPresentsWeakOrMisusedCertificateThenClientsRefuseIt() {
		TestPki pki = TestPki.create(this.directory);
		CertificateAuthority rsaRoot = CertificateAuthority.root("RSA Root CA", KeyType.RSA_2048);
		Path trust = Pem.write(this.directory.resolve("both.crt"),
				Pem.certificates(List.of(pki.rootCertificate(), rsaRoot.certificateOfAuthority())));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PeerApplication.class)
			.web(WebApplicationType.NONE)
			.properties(pki.bundleProperties("service"))
			.properties("spring.ssl.bundle.pem.service.truststore.certificate=file:" + trust)
			.run()) {
			RecordingVerificationListener outcomes = RecordingVerificationListener
				.attach(context.getBean(MaterialSource.class));
			Credential sha1 = rsaRoot.certificate()
				.commonName("localhost")
				.dns("localhost")
				.serverAuth()
				.signatureAlgorithm("SHA1withRSA")
				.issue();
			Credential clientOnly = pki.authority()
				.certificate()
				.commonName("localhost")
				.dns("localhost")
				.clientAuth()
				.issue();
			Credential good = pki.authority()
				.certificate()
				.commonName("localhost")
				.dns("localhost")
				.serverAuth()
				.issue();

			assertThat(call(context, sha1, pki)).isEqualTo("refused");
			assertThat(call(context, clientOnly, pki)).isEqualTo("refused");
			assertThat(call(context, good, pki)).contains("CN=");

			await().atMost(Duration.ofSeconds(5)).until(outcomes::outcomes, (list) -> list.size() >= 3);
			assertThat(outcomes.outcomes()).containsSubsequence("client:weak_key_or_algorithm",
					"client:wrong_key_usage", "client:accepted");
		}
	}

	private static String call(ConfigurableApplicationContext context, Credential server, TestPki pki) {
		try (TlsTestServer peer = TlsTestServer.start(server, pki.rootCertificate())) {
			try {
				return context.getBean(RestClient.Builder.class)
					.build()
					.get()
					.uri(peer.url("/"))
					.retrieve()
					.body(String.class);
			}
			catch (RuntimeException ex) {
				assertThatException().isThrownBy(() -> {
					throw ex;
				});
				return "refused";
			}
		}
	}

}
