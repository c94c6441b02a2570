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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests {@code @MtlsTest(revoked = ..)} and {@link MtlsTestPki#revoke(String)} against
 * the starter's CRL checks over real TLS: the test CA's revocation list is the
 * application's {@code mtls.revocation.crl}.
 *
 * @author mtls-spring-boot authors
 */
@SpringBootTest(classes = PeerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "mtls.reload.quiet-period=20ms")
@MtlsTest(revoked = "spiffe://example.org/stolen")
class RevokedClientsIntegrationTests {

	@Autowired
	MtlsTestClients clients;

	@Autowired
	MtlsTestPki pki;

	@Test
	void whenIdentityIsRevokedFromTheStartThenHandshakeIsRefusedAndOthersAreNot() throws Exception {
		assertThatExceptionOfType(SSLException.class)
			.isThrownBy(() -> this.clients.as("spiffe://example.org/stolen").handshake());
		assertThat(this.clients.as("spiffe://example.org/orders").handshake().getPeerCertificates()).isNotEmpty();
	}

	@Test
	void whenIdentityIsRevokedAtRunTimeThenItIsRefusedOnceTheCrlIsReloaded() throws Exception {
		MtlsTestClient lost = this.clients.as("spiffe://example.org/lost");
		assertThat(lost.handshake().getPeerCertificates()).isNotEmpty();

		this.pki.revoke("spiffe://example.org/lost");

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThatExceptionOfType(SSLException.class).isThrownBy(lost::handshake));
		assertThat(this.clients.as("spiffe://example.org/orders").handshake().getPeerCertificates()).isNotEmpty();
	}

}
