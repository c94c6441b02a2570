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

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.mtls.boot.ssl.MaterialSource;
import dev.mtls.boot.ssl.MtlsBundleException;
import dev.mtls.boot.ssl.RecordingVerificationListener;
import dev.mtls.boot.test.client.TlsTestClient;
import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.pki.Pem;
import dev.mtls.boot.test.pki.TestPki;
import dev.mtls.boot.testapp.PeerApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Tests revocation with CRL files over real TLS: revoked peers are refused at the
 * handshake, stale CRLs follow the configured policy, CRLs of the wrong issuer fail
 * startup, and CRL files are reloaded like the other material.
 *
 * @author mtls-spring-boot authors
 */
class RevocationIntegrationTests {

	@TempDir
	Path directory;

	private TestPki pki;

	private Credential revoked;

	private Credential valid;

	@BeforeEach
	void createPki() {
		this.pki = TestPki.create(this.directory);
		this.revoked = this.pki.client("spiffe://example.org/revoked");
		this.valid = this.pki.client("spiffe://example.org/valid");
	}

	@Test
	void whenPeerIsRevokedThenItIsRefusedAndOthersAreNot() throws Exception {
		Path crl = writeCrl("ca.crl", this.pki.authority().revoke(this.revoked.serial()), true);
		try (ConfigurableApplicationContext context = start("mtls.revocation.crl=file:" + crl)) {
			RecordingVerificationListener outcomes = RecordingVerificationListener
				.attach(context.getBean(MaterialSource.class));

			assertThatException().isThrownBy(() -> client(this.revoked).handshake("localhost", port(context)));
			assertThat(client(this.valid).get(url(context)).statusCode()).isEqualTo(200);

			await().atMost(Duration.ofSeconds(5)).until(outcomes::outcomes, (list) -> list.size() >= 2);
			assertThat(outcomes.outcomes()).contains("server:revoked", "server:accepted");
		}
	}

	@Test
	void whenCrlIsDerEncodedThenItIsUsedToo() throws Exception {
		Path crl = writeCrl("ca.der.crl", this.pki.authority().revoke(this.revoked.serial()), false);
		try (ConfigurableApplicationContext context = start("mtls.revocation.crl=file:" + crl)) {
			assertThatException().isThrownBy(() -> client(this.revoked).handshake("localhost", port(context)));
			assertThat(context.getBean(MaterialSource.class).current().crls()).hasSize(1);
		}
	}

	@Test
	void whenCrlIsStaleThenPeersAreRefusedUnlessStaleCrlsAreAllowed() throws Exception {
		Path crl = writeCrl("stale.crl", this.pki.authority().crl().stale().issue(), true);
		try (ConfigurableApplicationContext context = start("mtls.revocation.crl=file:" + crl)) {
			RecordingVerificationListener outcomes = RecordingVerificationListener
				.attach(context.getBean(MaterialSource.class));

			assertThatException().isThrownBy(() -> client(this.valid).handshake("localhost", port(context)));

			await().atMost(Duration.ofSeconds(5)).until(outcomes::outcomes, (list) -> !list.isEmpty());
			assertThat(outcomes.outcomes()).containsExactly("server:revocation_unknown");
		}
		try (ConfigurableApplicationContext context = start("mtls.revocation.crl=file:" + crl,
				"mtls.revocation.stale-crl=allow")) {
			assertThat(client(this.valid).get(url(context)).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void whenCrlChangesThenItIsReloaded() throws Exception {
		Path crl = writeCrl("ca.crl", this.pki.authority().crl().number(1).issue(), true);
		try (ConfigurableApplicationContext context = start("mtls.revocation.crl=file:" + crl,
				"mtls.reload.quiet-period=20ms")) {
			assertThat(client(this.revoked).get(url(context)).statusCode()).isEqualTo(200);

			writeCrl("ca.crl", this.pki.authority().crl().number(2).revoke(this.revoked.serial()).issue(), true);

			await().atMost(Duration.ofSeconds(10))
				.until(() -> context.getBean(MaterialSource.class).current().crls().get(0).getRevokedCertificates(),
						(entries) -> entries != null && !entries.isEmpty());
			assertThatException().isThrownBy(() -> client(this.revoked).handshake("localhost", port(context)));
			assertThat(client(this.valid).get(url(context)).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void whenCrlIsFromAnotherIssuerThenStartupFails() {
		Path crl = writeCrl("other.crl", CertificateAuthority.root("Other CA").revoke(this.revoked.serial()), true);

		assertThatException().isThrownBy(() -> start("mtls.revocation.crl=file:" + crl))
			.satisfies((ex) -> assertThat(cause(ex, MtlsBundleException.class)).satisfies((failure) -> {
				assertThat(failure.getReason()).isEqualTo(MtlsBundleException.Reason.CRL_INVALID);
				assertThat(failure.getMessage()).contains("'CN=Other CA'").contains("mtls.revocation.crl");
			}));
	}

	@Test
	void whenCrlSignatureDoesNotVerifyThenStartupFails() {
		X509CRL forged = CertificateAuthority.root("Test Root CA").revoke(this.revoked.serial());
		Path crl = writeCrl("forged.crl", forged, true);

		assertThatException().isThrownBy(() -> start("mtls.revocation.crl=file:" + crl))
			.satisfies((ex) -> assertThat(cause(ex, MtlsBundleException.class).getMessage())
				.contains("signature of the certificate revocation list"));
	}

	@Test
	void whenCrlIsUnreadableThenStartupFails() throws Exception {
		Path crl = Files.writeString(this.directory.resolve("garbage.crl"), "-----BEGIN X509 CRL-----\nnot base64\n");

		assertThatException().isThrownBy(() -> start("mtls.revocation.crl=file:" + crl))
			.satisfies((ex) -> assertThat(cause(ex, MtlsBundleException.class).getMessage())
				.contains("Unable to read the certificate revocation list"));
	}

	private ConfigurableApplicationContext start(String... extra) {
		List<String> properties = new ArrayList<>(List.of(this.pki.bundleProperties("service")));
		properties.add("server.port=0");
		properties.addAll(List.of(extra));
		return new SpringApplicationBuilder(PeerApplication.class).web(WebApplicationType.SERVLET)
			.properties(properties.toArray(new String[0]))
			.run();
	}

	private Path writeCrl(String name, X509CRL crl, boolean pem) {
		try {
			return pem ? Pem.write(this.directory.resolve(name), Pem.crl(crl))
					: Pem.write(this.directory.resolve(name), crl.getEncoded());
		}
		catch (java.security.cert.CRLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private TlsTestClient client(Credential credential) {
		return TlsTestClient.presenting(credential, this.pki.rootCertificate());
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static String url(ConfigurableApplicationContext context) {
		return "https://localhost:" + port(context) + "/peer";
	}

	static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
		Throwable cause = failure;
		while (cause != null) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			cause = cause.getCause();
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + failure, failure);
	}

}
