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
package dev.mtls.boot.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.mtls.boot.ssl.MaterialReloadFailedEvent;
import dev.mtls.boot.ssl.MaterialReloadedEvent;
import dev.mtls.boot.test.client.TlsTestClient;
import dev.mtls.boot.test.files.FileWrites;
import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.pki.Pem;
import dev.mtls.boot.testapp.PeerApplication;
import dev.mtls.boot.testapp.RecordedEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for the Vault PKI guide ({@code docs/platforms/vault-agent.md}):
 * files rendered by Vault Agent templates, each template written to its destination on
 * its own (a temporary file in the same directory, renamed over the destination;
 * unchanged content is not written), over real TLS.
 *
 * @author mtls-spring-boot authors
 */
@ExtendWith(OutputCaptureExtension.class)
class VaultAgentIntegrationTests {

	private static final String REFUSED_FOR_NOW = "refused for now, waiting for it to settle";

	private final CertificateAuthority root = CertificateAuthority.root("Vault Root CA");

	private final CertificateAuthority intermediate = this.root.intermediate("Vault Intermediate CA");

	@TempDir
	Path directory;

	@Test
	void whenCertificateAndKeyTemplatesAreRenderedOneAfterTheOtherThenTheMismatchedPairIsNeverServed(
			CapturedOutput output) throws Exception {
		Credential issued = issue();
		Credential reissued = issue();
		Path mtls = Files.createDirectories(this.directory.resolve("etc/mtls"));
		renderSecretTemplates(mtls, issued);
		TlsTestClient peer = peer();
		try (ConfigurableApplicationContext context = Applications.start(
				properties(mtls.resolve("tls.crt"), mtls.resolve("tls.key"), mtls.resolve("ca.crt")),
				PeerApplication.class)) {
			RecordedEvents events = context.getBean(RecordedEvents.class);
			assertThat(Applications.callItself(context, "/peer")).containsEntry("serial", hex(issued));

			render(mtls.resolve("tls.crt"), certificateTemplate(reissued), "rw-r--r--");
			await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains(REFUSED_FOR_NOW));

			assertThat(output.getOut()).contains("does not belong to its certificate");
			assertThat(Applications.serverSerial(context, peer)).isEqualTo(issued.serial());
			assertThat(Applications.callItself(context, "/peer")).containsEntry("serial", hex(issued));

			render(mtls.resolve("tls.key"), keyTemplate(reissued), "rw-------");
			render(mtls.resolve("ca.crt"), authorityTemplate(), "rw-r--r--");

			await().atMost(Duration.ofSeconds(10))
				.until(() -> Applications.serverSerial(context, peer).equals(reissued.serial()));
			assertThat(Applications.callItself(context, "/peer")).containsEntry("serial", hex(reissued));
			assertThat(events.of(MaterialReloadFailedEvent.class)).isEmpty();
			assertThat(events.of(MaterialReloadedEvent.class)).singleElement().satisfies((event) -> {
				assertThat(event.getPrevious().leaf().getSerialNumber()).isEqualTo(issued.serial());
				assertThat(event.getCurrent().leaf().getSerialNumber()).isEqualTo(reissued.serial());
			});
			assertThat(fileNames(mtls)).containsExactlyInAnyOrder("ca.crt", "tls.crt", "tls.key");
		}
	}

	@Test
	void whenOneTemplateRendersKeyCertificateAndChainToOneFileThenBothPropertiesReadItAndItIsReloadedAtOnce(
			CapturedOutput output) throws Exception {
		Credential issued = issue();
		Credential reissued = issue();
		Path mtls = Files.createDirectories(this.directory.resolve("etc/mtls"));
		render(mtls.resolve("tls.pem"), pkiCertTemplate(issued), "rw-------");
		render(mtls.resolve("ca.crt"), authorityTemplate(), "rw-r--r--");
		TlsTestClient peer = peer();
		try (ConfigurableApplicationContext context = Applications.start(
				properties(mtls.resolve("tls.pem"), mtls.resolve("tls.pem"), mtls.resolve("ca.crt")),
				PeerApplication.class)) {
			assertThat(Applications.serverSerial(context, peer)).isEqualTo(issued.serial());

			render(mtls.resolve("tls.pem"), pkiCertTemplate(reissued), "rw-------");

			await().atMost(Duration.ofSeconds(10))
				.until(() -> Applications.serverSerial(context, peer).equals(reissued.serial()));
			assertThat(Applications.callItself(context, "/peer")).containsEntry("serial", hex(reissued));
			assertThat(context.getBean(RecordedEvents.class).of(MaterialReloadedEvent.class)).singleElement()
				.satisfies((event) -> assertThat(event.getCurrent().chain()).hasSize(3));
			assertThat(output.getOut()).doesNotContain(REFUSED_FOR_NOW);
		}
	}

	/**
	 * Render the guide's three templates in the order of the agent configuration, as one
	 * run of the agent's template engine does.
	 */
	private void renderSecretTemplates(Path directory, Credential credential) {
		render(directory.resolve("tls.crt"), certificateTemplate(credential), "rw-r--r--");
		render(directory.resolve("tls.key"), keyTemplate(credential), "rw-------");
		render(directory.resolve("ca.crt"), authorityTemplate(), "rw-r--r--");
	}

	/**
	 * Write a rendered template as the agent does: nothing if the destination already
	 * holds the content, otherwise a temporary file renamed over the destination.
	 */
	private static void render(Path destination, String contents, String permissions) {
		try {
			if (Files.exists(destination) && Files.readString(destination).equals(contents)) {
				return;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		FileWrites.renameOver(destination, contents, permissions);
	}

	/**
	 * {@code {{ .Data.certificate }}} and {@code {{ .Data.issuing_ca }}} of a
	 * {@code pki_int/issue/orders} response: the leaf, then the intermediate.
	 */
	private static String certificateTemplate(Credential credential) {
		return credential.certificatePem();
	}

	/**
	 * {@code {{ .Data.private_key }}} with {@code private_key_format=pkcs8}.
	 */
	private static String keyTemplate(Credential credential) {
		return credential.privateKeyPem();
	}

	/**
	 * {@code {{ .Data.certificate }}} of {@code pki/cert/ca}: the root.
	 */
	private String authorityTemplate() {
		return Pem.certificates(List.of(this.root.certificateOfAuthority()));
	}

	/**
	 * {@code {{ .Key }}} and {@code {{ .Cert }}} of {@code pkiCert}, then {@code {{
	 * .Data.ca_chain }}} of {@code pki_int/cert/ca_chain}: key, leaf, issuing
	 * (intermediate) authority and root in one file.
	 */
	private String pkiCertTemplate(Credential credential) {
		return credential.privateKeyPem() + Pem.certificates(List.of(credential.certificate())) + Pem
			.certificates(List.of(this.intermediate.certificateOfAuthority(), this.root.certificateOfAuthority()));
	}

	private static Map<String, String> properties(Path certificate, Path privateKey, Path trust) {
		String prefix = "spring.ssl.bundle.pem.service.";
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(prefix + "keystore.certificate", "file:" + certificate);
		properties.put(prefix + "keystore.private-key", "file:" + privateKey);
		properties.put(prefix + "truststore.certificate", "file:" + trust);
		properties.put("mtls.bundle", "service");
		properties.put("logging.level.dev.mtls.boot.ssl.MaterialReloader", "debug");
		// The agent's gap between two templates is far below the settle time; the test's
		// gap includes its own observations, so it gets room on slow machines
		properties.put("mtls.reload.settle-time", "3s");
		return properties;
	}

	/**
	 * A certificate as the guide's PKI role issues it: common name and DNS names, a
	 * SPIFFE ID as URI SAN, IP SAN, ECDSA P-256, server and client authentication.
	 */
	private Credential issue() {
		return this.intermediate.certificate()
			.commonName("orders.shop.internal")
			.dns("orders.shop.internal", "localhost")
			.ip("127.0.0.1")
			.uri("spiffe://shop.internal/orders")
			.serverAuth()
			.clientAuth()
			.validFor(Duration.ofHours(24))
			.issue();
	}

	private TlsTestClient peer() {
		return TlsTestClient.presenting(
				this.intermediate.certificate().uri("spiffe://shop.internal/checkout").clientAuth().issue(),
				this.root.certificateOfAuthority());
	}

	private static List<String> fileNames(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

	private static String hex(Credential credential) {
		return credential.serial().toString(16);
	}

}
