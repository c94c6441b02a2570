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
package dev.mtls.sample.a;

import javax.net.ssl.SSLException;

import dev.mtls.boot.test.context.MtlsTest;
import dev.mtls.boot.test.context.MtlsTestClients;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests sample service A over real mTLS on loopback with {@link MtlsTest @MtlsTest}: the
 * test PKI replaces the development certificates, and each client presents the identity
 * the test names. {@code GET /call-b} as an operator would call sample service B, which
 * this test does not start; {@code SamplesCallEachOtherIntegrationTests} in
 * {@code sample-demo-client} covers it.
 *
 * @author mtls-spring-boot authors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@MtlsTest
class SampleServiceAIntegrationTests {

	private static final String SERVICE_B = "spiffe://example.org/sample-service-b";

	private static final String OPS = "spiffe://example.org/ops";

	@Autowired
	MtlsTestClients clients;

	@Test
	void whenAnyVerifiedClientCallsWhoamiThenItSeesItsIdentity() {
		this.clients.as("spiffe://example.org/anyone")
			.restTestClient()
			.get()
			.uri("/whoami")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.principal")
			.isEqualTo("spiffe://example.org/anyone")
			.jsonPath("$.commonName")
			.isEqualTo("anyone");
	}

	@Test
	void whenServiceBCallsOrdersThenOk() {
		this.clients.as(SERVICE_B)
			.restTestClient()
			.get()
			.uri("/orders")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.orders[0]")
			.isEqualTo("order-1")
			.jsonPath("$.principal")
			.isEqualTo(SERVICE_B);
	}

	@Test
	void whenOtherClientCallsOrdersThenForbiddenWithProblemNamingTheClient() {
		this.clients.as(OPS)
			.restTestClient()
			.get()
			.uri("/orders")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.client")
			.isEqualTo(OPS)
			.jsonPath("$.detail")
			.isEqualTo("Client 'spiffe://example.org/ops' is not allowed to call GET /orders.");
	}

	@Test
	void whenNonOperatorCallsCallBThenForbidden() {
		this.clients.as(SERVICE_B)
			.restTestClient()
			.get()
			.uri("/call-b")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.client")
			.isEqualTo(SERVICE_B);
	}

	@Test
	void whenNoClientCertificateThenHandshakeIsRefused() {
		assertThatExceptionOfType(SSLException.class).isThrownBy(() -> this.clients.anonymous().handshake());
	}

	@Test
	void whenClientCertificateFromUntrustedCaThenHandshakeIsRefused() {
		assertThatExceptionOfType(SSLException.class).isThrownBy(() -> this.clients.untrusted(SERVICE_B).handshake());
	}

}
