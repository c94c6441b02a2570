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
import java.util.ArrayList;
import java.util.List;

import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.pki.KeyType;
import dev.mtls.boot.test.pki.Pem;
import dev.mtls.boot.test.pki.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MtlsSslAutoConfiguration}.
 *
 * @author mtls-spring-boot authors
 */
class MtlsSslAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, MtlsSslAutoConfiguration.class));

	@TempDir
	Path directory;

	private TestPki pki;

	@BeforeEach
	void createPki() {
		this.pki = TestPki.create(this.directory);
	}

	@Test
	void whenNoBundleIsNamedThenNoMaterialSource() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MaterialSource.class));
	}

	@Test
	void whenMtlsIsDisabledThenNoMaterialSource() {
		this.contextRunner.withPropertyValues(this.pki.bundleProperties("service"))
			.withPropertyValues("mtls.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MaterialSource.class));
	}

	@Test
	void whenPemBundleThenMaterialIsLoaded() {
		this.contextRunner.withPropertyValues(this.pki.bundleProperties("service")).run((context) -> {
			MaterialSource source = context.getBean(MaterialSource.class);

			assertThat(source.bundleName()).isEqualTo("service");
			assertThat(source.current().leaf()).isEqualTo(this.pki.server().certificate());
			assertThat(source.current().trustAnchors()).containsExactly(this.pki.rootCertificate());
			assertThat(source.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
			assertThat(source.ciphers()).contains("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")
				.allMatch((cipher) -> cipher.contains("GCM") || cipher.contains("CHACHA20"));
			assertThat(source.sslContext().getProtocol()).isEqualTo("TLS");
		});
	}

	@Test
	void whenBundleOptionsAreSetThenTheyAreUsed() {
		this.contextRunner.withPropertyValues(this.pki.bundleProperties("service"))
			.withPropertyValues("spring.ssl.bundle.pem.service.options.enabled-protocols=TLSv1.3",
					"spring.ssl.bundle.pem.service.options.ciphers=TLS_AES_256_GCM_SHA384")
			.run((context) -> {
				MaterialSource source = context.getBean(MaterialSource.class);

				assertThat(source.protocols()).containsExactly("TLSv1.3");
				assertThat(source.ciphers()).containsExactly("TLS_AES_256_GCM_SHA384");
			});
	}

	@Test
	void whenEncryptedRsaKeyWithPasswordThenMaterialIsLoaded() {
		Credential rsa = this.pki.authority().certificate().commonName("rsa").keyType(KeyType.RSA_2048).issue();
		Credential.PemFiles files = rsa.writeEncryptedPem(this.directory, "rsa", "s3cret");
		this.contextRunner.withPropertyValues(TestPki.bundleProperties("service", files, this.pki.trustFile()))
			.withPropertyValues("spring.ssl.bundle.pem.service.keystore.private-key-password=s3cret")
			.run((context) -> assertThat(context.getBean(MaterialSource.class).current().privateKey().getAlgorithm())
				.isEqualTo("RSA"));
	}

	@Test
	void whenPkcs12AndJksBundlesThenMaterialIsLoaded() {
		for (String type : List.of("PKCS12", "JKS")) {
			Path keyStore = this.pki.server()
				.writeKeyStore(this.directory.resolve("server." + type), type, "server", "changeit");
			Path trustStore = Pem.write(this.directory.resolve("trust." + type),
					Credential.store(Credential.trustStore(type, "changeit", this.pki.rootCertificate()), "changeit"));
			String prefix = "spring.ssl.bundle.jks.service.";
			this.contextRunner
				.withPropertyValues("mtls.bundle=service", prefix + "keystore.location=file:" + keyStore,
						prefix + "keystore.type=" + type, prefix + "keystore.password=changeit",
						prefix + "truststore.location=file:" + trustStore, prefix + "truststore.type=" + type,
						prefix + "truststore.password=changeit")
				.run((context) -> {
					MaterialSource source = context.getBean(MaterialSource.class);

					assertThat(source.current().leaf()).isEqualTo(this.pki.server().certificate());
					assertThat(source.current().trustAnchors()).containsExactly(this.pki.rootCertificate());
				});
		}
	}

	@Test
	void whenChainHasIntermediateThenMaterialIsLoaded() {
		CertificateAuthority intermediate = this.pki.authority().intermediate("Test Intermediate CA");
		Credential leaf = intermediate.certificate().commonName("via-intermediate").issue();
		Credential.PemFiles files = leaf.writePem(this.directory, "via-intermediate");
		this.contextRunner.withPropertyValues(TestPki.bundleProperties("service", files, this.pki.trustFile()))
			.run((context) -> assertThat(context.getBean(MaterialSource.class).current().chain()).hasSize(2));
	}

	@Test
	void whenLeafIsIssuedByAnotherAuthorityAndThatIsAllowedThenMaterialIsLoaded() {
		Credential publicCa = CertificateAuthority.root("Other CA").certificate().commonName("public").issue();
		Credential.PemFiles files = publicCa.writePem(this.directory, "public");
		this.contextRunner.withPropertyValues(TestPki.bundleProperties("service", files, this.pki.trustFile()))
			.withPropertyValues("mtls.policy.own-certificate-trusted=false")
			.run((context) -> assertThat(context).hasSingleBean(MaterialSource.class));
	}

	@Test
	void whenLeafIsIssuedByAnotherAuthorityThanTheTrustedOneThenStartupFails() {
		Credential publicCa = CertificateAuthority.root("Other CA").certificate().commonName("public").issue();
		assertFailure(withFiles(publicCa.writePem(this.directory, "public")),
				MtlsBundleException.Reason.CHAIN_NOT_TRUSTED, "spring.ssl.bundle.pem.service.keystore.certificate");
	}

	@Test
	void whenBundleIsUnknownThenStartupFailsNamingMtlsBundle() {
		this.contextRunner.withPropertyValues(this.pki.bundleProperties("service"))
			.withPropertyValues("mtls.bundle=missing")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("mtls.bundle")
				.satisfies((ex) -> assertThat(((InvalidConfigurationPropertyValueException) ex).getReason())
					.contains("known bundles: service")
					.contains("spring.ssl.bundle.pem.missing.*")));
	}

	@Test
	void whenKeyDoesNotMatchCertificateThenStartupFails() {
		Credential other = this.pki.authority().certificate().commonName("other").issue();
		Path key = Pem.write(this.directory.resolve("other.key"), other.privateKeyPem());
		assertFailure(List.of("spring.ssl.bundle.pem.service.keystore.private-key=file:" + key),
				MtlsBundleException.Reason.KEY_MISMATCH, "spring.ssl.bundle.pem.service.keystore.private-key");
	}

	@Test
	void whenCertificateExpiredThenStartupFails() {
		Credential expired = this.pki.authority().certificate().commonName("expired").expired().issue();
		Credential.PemFiles files = expired.writePem(this.directory, "expired");
		assertFailure(withFiles(files), MtlsBundleException.Reason.EXPIRED,
				"spring.ssl.bundle.pem.service.keystore.certificate");
	}

	@Test
	void whenCertificateNotYetValidThenStartupFails() {
		Credential future = this.pki.authority().certificate().commonName("future").notYetValid().issue();
		assertFailure(withFiles(future.writePem(this.directory, "future")), MtlsBundleException.Reason.NOT_YET_VALID,
				"spring.ssl.bundle.pem.service.keystore.certificate");
	}

	@Test
	void whenTrustMaterialIsMissingThenStartupFails() {
		this.contextRunner
			.withPropertyValues("mtls.bundle=service",
					"spring.ssl.bundle.pem.service.keystore.certificate="
							+ this.pki.serverFiles().certificateLocation(),
					"spring.ssl.bundle.pem.service.keystore.private-key=" + this.pki.serverFiles().privateKeyLocation())
			.run((context) -> assertThat(cause(context.getStartupFailure(), MtlsBundleException.class))
				.isInstanceOfSatisfying(MtlsBundleException.class, (ex) -> {
					assertThat(ex.getReason()).isEqualTo(MtlsBundleException.Reason.NO_TRUST_ANCHORS);
					assertThat(ex.getProperty()).isEqualTo("spring.ssl.bundle.pem.service.truststore.certificate");
				}));
	}

	@Test
	void whenCertificateNamesTrustedIssuerButDoesNotVerifyThenStartupFails() {
		CertificateAuthority impostor = CertificateAuthority.root("Test Root CA");
		Credential forged = impostor.certificate().commonName("forged").issue();
		assertFailure(withFiles(forged.writePem(this.directory, "forged")),
				MtlsBundleException.Reason.CHAIN_NOT_TRUSTED, "spring.ssl.bundle.pem.service.keystore.certificate");
	}

	@Test
	void whenCertificateFileIsMissingThenStartupFailsNamingPropertyAndFile() {
		Path missing = this.directory.resolve("missing.crt");
		assertFailure(List.of("spring.ssl.bundle.pem.service.keystore.certificate=file:" + missing),
				MtlsBundleException.Reason.UNREADABLE, "spring.ssl.bundle.pem.service.keystore.certificate");
	}

	@Test
	void whenEncryptedKeyHasNoPasswordThenStartupFails() {
		Credential.PemFiles files = this.pki.server().writeEncryptedPem(this.directory, "encrypted", "s3cret");
		assertFailure(withFiles(files), MtlsBundleException.Reason.UNREADABLE,
				"spring.ssl.bundle.pem.service.keystore");
	}

	@Test
	void whenBundleIsLoadedThenBootRegistryKeepsItsOwnBundle() {
		this.contextRunner.withPropertyValues(this.pki.bundleProperties("service"))
			.run((context) -> assertThat(
					context.getBean(SslBundles.class).getBundle("service").getStores().getKeyStore())
				.isNotNull());
	}

	static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
		Throwable cause = failure;
		while (cause != null) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			cause = cause.getCause();
		}
		throw new AssertionError("No " + type.getSimpleName() + " in the causes of " + failure, failure);
	}

	private List<String> withFiles(Credential.PemFiles files) {
		return List.of("spring.ssl.bundle.pem.service.keystore.certificate=" + files.certificateLocation(),
				"spring.ssl.bundle.pem.service.keystore.private-key=" + files.privateKeyLocation());
	}

	private void assertFailure(List<String> overrides, MtlsBundleException.Reason reason, String property) {
		List<String> properties = new ArrayList<>(List.of(this.pki.bundleProperties("service")));
		properties.addAll(overrides);
		this.contextRunner.withPropertyValues(properties.toArray(new String[0]))
			.run((context) -> assertThat(cause(context.getStartupFailure(), MtlsBundleException.class))
				.isInstanceOfSatisfying(MtlsBundleException.class, (ex) -> {
					assertThat(ex.getReason()).isEqualTo(reason);
					assertThat(ex.getBundleName()).isEqualTo("service");
					assertThat(ex.getMessage()).contains(property);
					assertThat(ex.getAction()).contains(property);
				}));
	}

}
