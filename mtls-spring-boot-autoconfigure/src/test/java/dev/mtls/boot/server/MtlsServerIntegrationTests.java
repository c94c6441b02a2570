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
package dev.mtls.boot.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import javax.net.ssl.SSLException;

import dev.mtls.boot.test.client.TlsTestClient;
import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.pki.TestPki;
import dev.mtls.boot.testapp.PeerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Integration tests for mTLS on embedded Tomcat, over real sockets on loopback.
 *
 * @author mtls-spring-boot authors
 */
@SpringBootTest(classes = PeerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class MtlsServerIntegrationTests {

	@TempDir
	static Path directory;

	static TestPki pki;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void bundle(DynamicPropertyRegistry registry) {
		pki = TestPki.create(directory);
		Properties.register(registry, pki.bundleProperties("service"));
	}

	@Test
	void whenTrustedClientThenRequestSucceedsAndServerSeesCertificate() throws Exception {
		TlsTestClient client = TlsTestClient.presenting(pki.client("spiffe://example.org/orders"),
				pki.rootCertificate());

		HttpResponse<String> response = client.get(url("/peer"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("CN=orders").contains("\"secure\":true");
	}

	@Test
	void whenServerAnsweredThenItPresentedItsBundleCertificate() throws Exception {
		TlsTestClient client = TlsTestClient.presenting(pki.client("spiffe://example.org/orders"),
				pki.rootCertificate());

		assertThat(client.handshake("localhost", this.port).getSerialNumber()).isEqualTo(pki.server().serial());
	}

	@Test
	void whenNoClientCertificateThenHandshakeFails() {
		TlsTestClient client = TlsTestClient.anonymous(pki.rootCertificate());

		assertHandshakeRefused(client);
	}

	@Test
	void whenClientCertificateFromUntrustedAuthorityThenHandshakeFails() {
		Credential stranger = CertificateAuthority.root("Untrusted CA")
			.certificate()
			.commonName("stranger")
			.clientAuth()
			.issue();
		TlsTestClient client = TlsTestClient.presenting(stranger, pki.rootCertificate());

		assertHandshakeRefused(client);
	}

	@Test
	void whenClientCertificateExpiredThenHandshakeFails() {
		Credential expired = pki.authority().certificate().commonName("expired").clientAuth().expired().issue();
		TlsTestClient client = TlsTestClient.presenting(expired, pki.rootCertificate());

		assertHandshakeRefused(client);
	}

	@Test
	void whenPlainHttpThenTomcatAnswersThatTlsIsRequired() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/peer"))
			.timeout(Duration.ofSeconds(5))
			.build();

		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("requires TLS").doesNotContain("subject");
	}

	private void assertHandshakeRefused(TlsTestClient client) {
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> client.get(url("/peer")))
			.satisfies((ex) -> assertThat(ex).hasRootCauseInstanceOf(SSLException.class));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> client.handshake("localhost", this.port));
	}

	private String url(String path) {
		return "https://localhost:" + this.port + path;
	}

}
