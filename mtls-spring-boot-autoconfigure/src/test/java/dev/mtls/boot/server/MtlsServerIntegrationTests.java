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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.SSLException;

import dev.mtls.boot.test.context.MtlsTest;
import dev.mtls.boot.test.context.MtlsTestClient;
import dev.mtls.boot.test.context.MtlsTestClients;
import dev.mtls.boot.test.context.MtlsTestPki;
import dev.mtls.boot.testapp.PeerApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Integration tests for mTLS on embedded Tomcat, over real sockets on loopback.
 *
 * @author mtls-spring-boot authors
 */
@SpringBootTest(classes = PeerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@MtlsTest
class MtlsServerIntegrationTests {

	@Autowired
	MtlsTestClients clients;

	@Autowired
	MtlsTestPki pki;

	@LocalServerPort
	int port;

	@Test
	void whenTrustedClientThenRequestSucceedsAndServerSeesCertificate() {
		this.clients.as("spiffe://example.org/orders")
			.restTestClient()
			.get()
			.uri("/peer")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.subject")
			.isEqualTo("CN=orders")
			.jsonPath("$.secure")
			.isEqualTo(true);
	}

	@Test
	void whenServerAnsweredThenItPresentedItsBundleCertificate() throws Exception {
		X509Certificate server = (X509Certificate) this.clients.as("spiffe://example.org/orders")
			.handshake()
			.getPeerCertificates()[0];

		assertThat(server.getSerialNumber()).isEqualTo(this.pki.server().serial());
	}

	@Test
	void whenNoClientCertificateThenHandshakeFails() {
		assertHandshakeRefused(this.clients.anonymous());
	}

	@Test
	void whenClientCertificateFromUntrustedAuthorityThenHandshakeFails() {
		assertHandshakeRefused(this.clients.untrusted("spiffe://example.org/stranger"));
	}

	@Test
	void whenClientCertificateExpiredThenHandshakeFails() {
		assertHandshakeRefused(
				this.clients.presenting(this.pki.certificates().expired("spiffe://example.org/expired")));
	}

	@Test
	void whenClientCertificateNotYetValidThenHandshakeFails() {
		assertHandshakeRefused(
				this.clients.presenting(this.pki.certificates().notYetValid("spiffe://example.org/early")));
	}

	@Test
	void whenClientKeyIsWeakThenHandshakeFails() {
		assertHandshakeRefused(this.clients.presenting(this.pki.certificates().weakKey("spiffe://example.org/weak")));
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

	private void assertHandshakeRefused(MtlsTestClient client) {
		assertThatException().isThrownBy(() -> client.restTestClient().get().uri("/peer").exchange())
			.withRootCauseInstanceOf(SSLException.class);
		assertThatExceptionOfType(SSLException.class).isThrownBy(client::handshake);
	}

}
