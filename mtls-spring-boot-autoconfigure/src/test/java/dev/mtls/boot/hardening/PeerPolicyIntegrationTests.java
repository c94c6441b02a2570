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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.mtls.boot.ssl.MaterialSource;
import dev.mtls.boot.ssl.RecordingVerificationListener;
import dev.mtls.boot.test.client.TlsTestClient;
import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.CertificateBuilder;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.pki.KeyType;
import dev.mtls.boot.test.pki.TestPki;
import dev.mtls.boot.testapp.PeerApplication;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Tests the certificate policy for peers over real TLS: each rule refuses the handshake
 * with its bounded reason, reported where the decision is made.
 *
 * @author mtls-spring-boot authors
 */
class PeerPolicyIntegrationTests {

	@TempDir
	static Path directory;

	static TestPki pki;

	static CertificateAuthority rsaRoot;

	static ConfigurableApplicationContext context;

	static RecordingVerificationListener outcomes;

	@BeforeAll
	static void start() {
		pki = TestPki.create(directory);
		rsaRoot = CertificateAuthority.root("RSA Root CA", KeyType.RSA_2048);
		List<String> properties = new ArrayList<>(List.of(pki.bundleProperties("service")));
		properties.add("server.port=0");
		properties.add("spring.ssl.bundle.pem.service.truststore.certificate=file:"
				+ dev.mtls.boot.test.pki.Pem.write(directory.resolve("both.crt"), dev.mtls.boot.test.pki.Pem
					.certificates(List.of(pki.rootCertificate(), rsaRoot.certificateOfAuthority()))));
		context = new SpringApplicationBuilder(PeerApplication.class).web(WebApplicationType.SERVLET)
			.properties(properties.toArray(new String[0]))
			.run();
		outcomes = RecordingVerificationListener.attach(context.getBean(MaterialSource.class));
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@BeforeEach
	void clear() {
		outcomes.clear();
	}

	static Stream<Arguments> refusedClients() {
		return Stream.of(refused("CA certificate as leaf", "wrong_key_usage", client().ca()),
				refused("serverAuth only", "wrong_key_usage",
						pki.authority().certificate().uri("spiffe://example.org/wrong-usage").serverAuth()),
				refused("RSA-1024 key", "weak_key_or_algorithm", client().keyType(KeyType.RSA_1024)),
				refused("SHA-1 signature", "weak_key_or_algorithm",
						rsaRoot.certificate()
							.uri("spiffe://example.org/sha1")
							.clientAuth()
							.signatureAlgorithm("SHA1withRSA")),
				refused("MD5 signature", "weak_key_or_algorithm",
						rsaRoot.certificate()
							.uri("spiffe://example.org/md5")
							.clientAuth()
							.signatureAlgorithm("MD5withRSA")),
				refused("expired", "expired", client().expired()),
				refused("not yet valid", "not_yet_valid", client().notYetValid()),
				refused("untrusted authority", "untrusted_issuer",
						CertificateAuthority.root("Stranger CA")
							.certificate()
							.uri("spiffe://example.org/stranger")
							.clientAuth()),
				refused("unknown critical extension", "other", client().extension(
						new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"), true, new DEROctetString(new byte[] { 1 }))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedClients")
	void whenClientViolatesPolicyThenHandshakeIsRefusedWithItsReason(CertificateBuilder builder, String reason) {
		TlsTestClient client = TlsTestClient.presenting(builder.issue(), pki.rootCertificate());

		assertThatException().isThrownBy(() -> client.handshake("localhost", port()));
		await().atMost(Duration.ofSeconds(5)).until(outcomes::outcomes, (list) -> !list.isEmpty());
		assertThat(outcomes.outcomes()).containsExactly("server:" + reason);
	}

	@Test
	void whenChainHasTwentyCertificatesThenItIsRefusedAsTooLong() {
		CertificateAuthority issuer = pki.authority();
		for (int i = 0; i < 19; i++) {
			issuer = issuer.intermediate("Intermediate " + i);
		}
		Credential deep = issuer.certificate().uri("spiffe://example.org/deep").clientAuth().issue();
		TlsTestClient client = TlsTestClient.presenting(deep, pki.rootCertificate());

		assertThat(deep.chain()).hasSize(20);
		assertThatException().isThrownBy(() -> client.handshake("localhost", port()));
		await().atMost(Duration.ofSeconds(5)).until(outcomes::outcomes, (list) -> !list.isEmpty());
		assertThat(outcomes.outcomes()).containsExactly("server:chain_too_long");
	}

	@Test
	void whenClientPresentsNoCertificateThenItIsCountedAsNoCertificate() {
		TlsTestClient client = TlsTestClient.anonymous(pki.rootCertificate());

		assertThatException().isThrownBy(() -> client.handshake("localhost", port()));
		await().atMost(Duration.ofSeconds(5)).until(outcomes::outcomes, (list) -> !list.isEmpty());
		assertThat(outcomes.outcomes()).containsExactly("server:no_certificate");
	}

	@Test
	void whenClientComplesThenItIsAcceptedAndTheHandshakeIsTimed() throws Exception {
		for (Credential credential : List.of(client().issue(), client().keyType(KeyType.ED25519).issue(),
				client().keyType(KeyType.RSA_2048).issue(), client().keyType(KeyType.EC_P384).issue())) {
			TlsTestClient client = TlsTestClient.presenting(credential, pki.rootCertificate());

			assertThat(client.handshake("localhost", port()).getSerialNumber()).isEqualTo(pki.server().serial());
		}
		assertThat(outcomes.outcomes()).containsOnly("server:accepted").hasSize(4);
		assertThat(outcomes.handshakes()).hasSizeGreaterThanOrEqualTo(4)
			.allSatisfy((duration) -> assertThat(duration).isPositive().isLessThan(Duration.ofSeconds(5)));
	}

	private static Arguments refused(String name, String reason, CertificateBuilder builder) {
		return Arguments.of(Named.of(name, builder), reason);
	}

	private static CertificateBuilder client() {
		return pki.authority().certificate().uri("spiffe://example.org/policy").clientAuth();
	}

	private static int port() {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
