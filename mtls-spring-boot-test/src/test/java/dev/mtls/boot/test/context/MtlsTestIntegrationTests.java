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
package dev.mtls.boot.test.context;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

import dev.mtls.boot.test.testapp.PeerApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Integration tests for {@link MtlsTest @MtlsTest} and {@link MtlsTestClients} over real
 * TLS on loopback, against Spring Boot's own Tomcat TLS (no mtls-spring-boot): the server
 * requires client certificates of the test PKI's bundle.
 *
 * @author mtls-spring-boot authors
 */
@SpringBootTest(classes = PeerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=orders", "server.ssl.bundle=mtls-test", "server.ssl.client-auth=need" })
@MtlsTest
class MtlsTestIntegrationTests {

	@Autowired
	MtlsTestClients clients;

	@Autowired
	MtlsTestPki pki;

	@Autowired
	Environment environment;

	@LocalServerPort
	int port;

	@Test
	void whenClientPresentsIdentityThenServerSeesThatCertificate() {
		X509Certificate certificate = this.pki.client("spiffe://example.org/billing").certificate();

		this.clients.as("spiffe://example.org/billing")
			.restTestClient()
			.get()
			.uri("/peer")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.subject")
			.isEqualTo("CN=billing")
			.jsonPath("$.names[0]")
			.isEqualTo("spiffe://example.org/billing")
			.jsonPath("$.serial")
			.isEqualTo(certificate.getSerialNumber().toString(16))
			.jsonPath("$.secure")
			.isEqualTo(true);
	}

	@Test
	void whenIdentityIsDnsOrCommonNameThenCertificateCarriesIt() {
		this.clients.as("dns:billing.example.org")
			.restTestClient()
			.get()
			.uri("/peer")
			.exchange()
			.expectBody()
			.jsonPath("$.subject")
			.isEqualTo("CN=billing.example.org")
			.jsonPath("$.names[0]")
			.isEqualTo("billing.example.org");
		this.clients.as("cn:billing")
			.restTestClient()
			.get()
			.uri("/peer")
			.exchange()
			.expectBody()
			.jsonPath("$.subject")
			.isEqualTo("CN=billing")
			.jsonPath("$.names")
			.isEmpty();
	}

	@Test
	void whenRestClientGetsErrorStatusThenItReturnsTheResponse() {
		ResponseEntity<String> response = this.clients.as("spiffe://example.org/billing")
			.restClient()
			.get()
			.uri("/forbidden")
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(response.getBody()).isEqualTo("no");
	}

	@Test
	void whenReactiveClientsPresentIdentityThenServerSeesIt() {
		String body = this.clients.as("spiffe://example.org/billing")
			.webClient()
			.get()
			.uri("/peer")
			.retrieve()
			.bodyToMono(String.class)
			.block();

		assertThat(body).contains("\"subject\":\"CN=billing\"");
		this.clients.as("spiffe://example.org/shipping")
			.webTestClient()
			.get()
			.uri("/peer")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.subject")
			.isEqualTo("CN=shipping");
	}

	@Test
	void whenJdkHttpClientIsUsedThenItPresentsTheIdentity() throws Exception {
		HttpResponse<String> response = this.clients.as("spiffe://example.org/billing")
			.httpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.uri("/peer"))).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"subject\":\"CN=billing\"");
	}

	@Test
	void whenNoCertificateThenHandshakeIsRefused() {
		MtlsTestClient anonymous = this.clients.anonymous();

		assertThatExceptionOfType(SSLException.class).isThrownBy(anonymous::handshake);
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> anonymous.restTestClient().get().uri("/peer").exchange())
			.withRootCauseInstanceOf(SSLException.class);
	}

	@Test
	void whenCertificateFromUntrustedCaThenHandshakeIsRefused() {
		MtlsTestClient untrusted = this.clients.untrusted("spiffe://example.org/billing");

		assertThat(untrusted.credential().certificate().getIssuerX500Principal())
			.isEqualTo(this.pki.rootCertificate().getSubjectX500Principal());
		assertThatExceptionOfType(SSLException.class).isThrownBy(untrusted::handshake);
	}

	@Test
	void whenCertificateExpiredThenHandshakeIsRefused() {
		MtlsTestClient expired = this.clients
			.presenting(this.pki.certificates().expired("spiffe://example.org/billing"));

		assertThatExceptionOfType(SSLException.class).isThrownBy(expired::handshake);
	}

	@Test
	void whenTrustedClientShakesHandsThenServerPresentsTheApplicationIdentity() throws Exception {
		SSLSession session = this.clients.as("spiffe://example.org/billing").handshake();

		X509Certificate server = (X509Certificate) session.getPeerCertificates()[0];
		assertThat(server.getSerialNumber()).isEqualTo(this.pki.server().serial());
		assertThat(server.getSubjectAlternativeNames()).extracting((name) -> String.valueOf(name.get(1)))
			.containsExactly("spiffe://example.org/orders", "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(this.pki.identity()).isEqualTo("spiffe://example.org/orders");
	}

	@Test
	void whenTestRunsThenTestPkiIsTheBundleAndDevelopmentPkiIsOff() {
		assertThat(this.environment.getProperty("mtls.bundle")).isEqualTo("mtls-test");
		assertThat(this.environment.getProperty("mtls.dev.enabled")).isEqualTo("false");
		assertThat(this.environment.getProperty("spring.ssl.bundle.pem.mtls-test.truststore.certificate"))
			.isEqualTo("file:" + this.pki.directory().resolve("ca.crt").toAbsolutePath());
		assertThat(this.clients.uri("/peer")).isEqualTo("https://localhost:" + this.port + "/peer");
	}

	@Test
	void whenSameIdentityIsAskedTwiceThenSameClientAndCertificate() {
		assertThat(this.clients.as("spiffe://example.org/billing"))
			.isSameAs(this.clients.as("spiffe://example.org/billing"));
		assertThat(this.pki.client("spiffe://example.org/billing"))
			.isSameAs(this.clients.as("spiffe://example.org/billing").credential());
	}

}
