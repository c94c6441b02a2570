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

import java.nio.file.Path;
import java.time.Duration;

import javax.net.ssl.SSLSession;

import dev.mtls.boot.test.client.TlsTestClient;
import dev.mtls.boot.test.files.MaterialFiles;
import dev.mtls.boot.test.files.Replacement;
import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Rotates the certificate authority: add the new one beside the old, move the leaf to the
 * new one, remove the old one. Peers keep working through the overlap; a client that
 * still holds an old-authority certificate is refused once the old authority is gone,
 * also when it tries to resume a session it established before.
 *
 * @author mtls-spring-boot authors
 */
class TrustRotationIntegrationTests {

	private final CertificateAuthority oldCa = CertificateAuthority.root("Old CA");

	private final CertificateAuthority newCa = CertificateAuthority.root("New CA");

	@TempDir
	Path directory;

	@Test
	void whenAuthorityIsRotatedThenPeersKeepWorkingAndOldCertificatesAreRefusedAfterwards() throws Exception {
		Credential oldLeaf = server(this.oldCa);
		Credential newLeaf = server(this.newCa);
		MaterialFiles files = MaterialFiles.create(this.directory, Replacement.KUBERNETES, oldLeaf,
				this.oldCa.certificateOfAuthority());
		TlsTestClient oldClient = client(this.oldCa).withProtocols("TLSv1.2");
		TlsTestClient newClient = client(this.newCa);
		try (ConfigurableApplicationContext context = Rotations.start(files.bundleProperties("service"))) {
			int port = Rotations.port(context);
			SSLSession established = oldClient.session("localhost", port);
			assertThat(oldClient.session("localhost", port).getId()).as("TLS 1.2 session resumed")
				.isEqualTo(established.getId());
			assertRefused(newClient, port);

			files.replace(oldLeaf, this.oldCa.certificateOfAuthority(), this.newCa.certificateOfAuthority());
			awaitTrustAnchors(context, 2);
			SSLSession underOverlap = oldClient.session("localhost", port);
			assertThat(oldClient.session("localhost", port).getId()).isEqualTo(underOverlap.getId());
			assertThat(newClient.handshake("localhost", port).getSerialNumber()).isEqualTo(oldLeaf.serial());

			files.replace(newLeaf, this.oldCa.certificateOfAuthority(), this.newCa.certificateOfAuthority());
			await().atMost(Duration.ofSeconds(10))
				.until(() -> newClient.withNewSessions().handshake("localhost", port).getSerialNumber(),
						newLeaf.serial()::equals);
			SSLSession beforeRemoval = oldClient.session("localhost", port);
			assertThat(oldClient.session("localhost", port).getId()).isEqualTo(beforeRemoval.getId());

			files.replace(newLeaf, this.newCa.certificateOfAuthority());
			awaitTrustAnchors(context, 1);

			assertRefused(oldClient, port);
			assertRefused(oldClient.withNewSessions(), port);
			assertThat(newClient.handshake("localhost", port).getSerialNumber()).isEqualTo(newLeaf.serial());
			assertThat(newClient.get("https://localhost:" + port + "/peer").statusCode()).isEqualTo(200);
		}
	}

	private static void awaitTrustAnchors(ConfigurableApplicationContext context, int count) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> context.getBean(MaterialSource.class).current().trustAnchors(),
					(anchors) -> anchors.size() == count);
	}

	private static void assertRefused(TlsTestClient client, int port) {
		assertThatException().isThrownBy(() -> client.session("localhost", port));
	}

	private TlsTestClient client(CertificateAuthority authority) {
		return TlsTestClient.presenting(authority.certificate().uri("spiffe://example.org/client").clientAuth().issue(),
				this.oldCa.certificateOfAuthority(), this.newCa.certificateOfAuthority());
	}

	private static Credential server(CertificateAuthority authority) {
		return authority.certificate().localhostService().issue();
	}

}
