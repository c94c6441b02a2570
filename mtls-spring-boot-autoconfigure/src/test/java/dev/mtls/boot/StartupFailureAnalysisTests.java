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
package dev.mtls.boot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.pki.Pem;
import dev.mtls.boot.test.pki.TestPki;
import dev.mtls.boot.testapp.PeerApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests that misconfigured applications fail to start with a failure analysis that names
 * the property, the file and the fix, as a user sees it in the console.
 *
 * @author mtls-spring-boot authors
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureAnalysisTests {

	@TempDir
	Path directory;

	private TestPki pki;

	@BeforeEach
	void createPki() {
		this.pki = TestPki.create(this.directory);
	}

	@Test
	void whenBundleIsUnknownThenAnalysisNamesMtlsBundleAndKnownBundles(CapturedOutput output) {
		start(output, "mtls.bundle=missing");

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value 'missing' for configuration property 'mtls.bundle'")
			.contains("known bundles: service")
			.contains("Define it with spring.ssl.bundle.pem.missing.*");
	}

	@Test
	void whenKeyDoesNotMatchThenAnalysisNamesPrivateKeyPropertyAndFix(CapturedOutput output) {
		Credential other = this.pki.authority().certificate().commonName("other").issue();
		Path key = Pem.write(this.directory.resolve("other.key"), other.privateKeyPem());

		start(output, "spring.ssl.bundle.pem.service.keystore.private-key=file:" + key);

		assertThat(output)
			.contains(
					"The private key of SSL bundle 'service' (spring.ssl.bundle.pem.service.keystore.private-key=file:"
							+ key + ") does not belong to its certificate")
			.contains("Action:")
			.contains(
					"Point spring.ssl.bundle.pem.service.keystore.private-key at the private key that was issued together with the certificate");
	}

	@Test
	void whenCertificateExpiredThenAnalysisNamesCertificatePropertyAndFix(CapturedOutput output) {
		Credential expired = this.pki.authority().certificate().commonName("expired").expired().issue();
		Credential.PemFiles files = expired.writePem(this.directory, "expired");

		start(output, "spring.ssl.bundle.pem.service.keystore.certificate=" + files.certificateLocation(),
				"spring.ssl.bundle.pem.service.keystore.private-key=" + files.privateKeyLocation());

		assertThat(output)
			.contains("The certificate of SSL bundle 'service' (spring.ssl.bundle.pem.service.keystore.certificate="
					+ files.certificateLocation())
			.contains("expired at")
			.contains(
					"Renew the certificate and replace the file, or point spring.ssl.bundle.pem.service.keystore.certificate at a valid certificate.");
	}

	@Test
	void whenTrustMaterialIsMissingThenAnalysisNamesTruststoreProperty(CapturedOutput output) {
		start(output, "spring.ssl.bundle.pem.service.truststore.certificate=");

		assertThat(output).contains("SSL bundle 'service' has no trust material")
			.contains(
					"Set spring.ssl.bundle.pem.service.truststore.certificate to the certificates of the authorities that issue your peers' certificates.");
	}

	@Test
	void whenCertificateFileIsMissingThenAnalysisNamesPropertyAndFile(CapturedOutput output) {
		Path missing = this.directory.resolve("nowhere.crt");

		start(output, "spring.ssl.bundle.pem.service.keystore.certificate=file:" + missing);

		assertThat(output).contains(
				"Unable to read the certificate or private key of SSL bundle 'service' (spring.ssl.bundle.pem.service.keystore.certificate=file:"
						+ missing + ")")
			.contains("No such file or directory")
			.contains(
					"Check that spring.ssl.bundle.pem.service.keystore.certificate and spring.ssl.bundle.pem.service.keystore.private-key point at readable files");
	}

	@Test
	void whenServerIsPlainHttpThenAnalysisNamesServerSslEnabled(CapturedOutput output) {
		start(output, "server.ssl.enabled=false");

		assertThat(output).contains("Invalid value 'false' for configuration property 'server.ssl.enabled'")
			.contains("mtls.server.enabled=false");
	}

	@Test
	void whenClientAuthIsNoneThenAnalysisNamesServerSslClientAuth(CapturedOutput output) {
		start(output, "server.ssl.client-auth=none");

		assertThat(output).contains("Invalid value 'none' for configuration property 'server.ssl.client-auth'")
			.contains("mtls.server.client-auth=need|want");
	}

	private void start(CapturedOutput output, String... overrides) {
		List<String> properties = new ArrayList<>(List.of(this.pki.bundleProperties("service")));
		properties.add("server.port=0");
		properties.addAll(List.of(overrides));
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(PeerApplication.class).web(WebApplicationType.SERVLET)
				.properties(properties.toArray(new String[0]))
				.run()
				.close());
		assertThat(output).doesNotContain("at dev.mtls.boot.");
	}

}
