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
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.pki.Pem;
import dev.mtls.boot.test.pki.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.ssl.JksSslBundleProperties;
import org.springframework.boot.autoconfigure.ssl.PemSslBundleProperties;
import org.springframework.boot.autoconfigure.ssl.SslProperties;
import org.springframework.boot.io.ApplicationResourceLoader;
import org.springframework.core.io.ResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Feeds truncated, bit-flipped, oversized and nested key material, key stores and CRLs to
 * the loader and validator: they never hang, never exhaust memory and never throw
 * anything but {@link MtlsBundleException}. Bounded in count and time, seeded for
 * repeatability.
 *
 * @author mtls-spring-boot authors
 */
class HostileMaterialTests {

	private static final int CASES = 150;

	private static final Duration PER_CASE = Duration.ofSeconds(5);

	@TempDir
	Path directory;

	private TestPki pki;

	private final ResourceLoader resourceLoader = ApplicationResourceLoader.get();

	@BeforeEach
	void createPki() {
		this.pki = TestPki.create(this.directory);
	}

	@Test
	void mutatedPemMaterialIsRefusedCleanly() {
		Mutations mutations = new Mutations(42);
		int refused = 0;
		Credential server = this.pki.server();
		String root = Pem.certificates(List.of(this.pki.rootCertificate()));
		for (int i = 0; i < CASES; i++) {
			int part = i % 3;
			String certificate = (part == 0) ? mutations.mutatePem(server.certificatePem()) : server.certificatePem();
			String key = (part == 1) ? mutations.mutatePem(server.privateKeyPem()) : server.privateKeyPem();
			String trust = (part == 2) ? mutations.mutatePem(root) : root;
			Path caseDirectory = this.directory.resolve("pem-" + i);
			PemSslBundleProperties properties = new PemSslBundleProperties();
			properties.getKeystore().setCertificate("file:" + Pem.write(caseDirectory.resolve("tls.crt"), certificate));
			properties.getKeystore().setPrivateKey("file:" + Pem.write(caseDirectory.resolve("tls.key"), key));
			properties.getTruststore().setCertificate("file:" + Pem.write(caseDirectory.resolve("ca.crt"), trust));
			refused += assertRefusedCleanly(properties, null, List.of()) ? 1 : 0;
		}
		assertThat(refused).as("mutations that were refused").isGreaterThan(CASES / 2);
	}

	@Test
	void mutatedKeyStoresAreRefusedCleanly() throws Exception {
		Mutations mutations = new Mutations(7);
		byte[] keyStore = Credential.store(this.pki.server().toKeyStore("PKCS12", "server", "secret"), "secret");
		for (int i = 0; i < CASES / 3; i++) {
			Path file = Pem.write(this.directory.resolve("store-" + i + ".p12"), mutations.mutateDer(keyStore));
			JksSslBundleProperties properties = new JksSslBundleProperties();
			properties.getKeystore().setLocation("file:" + file);
			properties.getKeystore().setType("PKCS12");
			properties.getKeystore().setPassword("secret");
			properties.getTruststore().setLocation("file:" + file);
			properties.getTruststore().setType("PKCS12");
			properties.getTruststore().setPassword("secret");
			assertRefusedCleanly(null, properties, List.of());
		}
	}

	@Test
	void mutatedCrlsAreRefusedCleanly() throws Exception {
		Mutations mutations = new Mutations(99);
		String crl = Pem.crl(this.pki.authority().revoke(java.math.BigInteger.TWO));
		byte[] der = this.pki.authority().revoke(java.math.BigInteger.TWO).getEncoded();
		for (int i = 0; i < CASES / 3; i++) {
			Path file = (i % 2 == 0) ? Pem.write(this.directory.resolve("crl-" + i + ".pem"), mutations.mutatePem(crl))
					: Pem.write(this.directory.resolve("crl-" + i + ".der"), mutations.mutateDer(der));
			PemSslBundleProperties properties = new PemSslBundleProperties();
			properties.getKeystore().setCertificate(this.pki.serverFiles().certificateLocation());
			properties.getKeystore().setPrivateKey(this.pki.serverFiles().privateKeyLocation());
			properties.getTruststore().setCertificate("file:" + this.pki.trustFile());
			assertRefusedCleanly(properties, null, List.of("file:" + file));
		}
	}

	@Test
	void oversizedFilesAreRefusedWithoutReadingThemWhole() {
		Path huge = Pem.write(this.directory.resolve("huge.crl"), new byte[(int) ContentFingerprint.MAX_FILE_SIZE + 1]);
		PemSslBundleProperties properties = new PemSslBundleProperties();
		properties.getKeystore().setCertificate(this.pki.serverFiles().certificateLocation());
		properties.getKeystore().setPrivateKey(this.pki.serverFiles().privateKeyLocation());
		properties.getTruststore().setCertificate("file:" + this.pki.trustFile());

		assertRefusedCleanly(properties, null, List.of("file:" + huge));
		assertThat(ContentFingerprint.of(List.of(huge))).hasSize(64);
	}

	private boolean assertRefusedCleanly(PemSslBundleProperties pem, JksSslBundleProperties jks, List<String> crls) {
		SslProperties sslProperties = new SslProperties();
		if (pem != null) {
			sslProperties.getBundle().getPem().put("service", pem);
		}
		if (jks != null) {
			sslProperties.getBundle().getJks().put("service", jks);
		}
		BundleDescription description = BundleDescription.of("service", sslProperties);
		MaterialSettings settings = MaterialSettings.defaults();
		MaterialLoader loader = new MaterialLoader(Clock.systemUTC(), this.resourceLoader, crls);
		MaterialValidator validator = new MaterialValidator(Clock.systemUTC(), new PeerPolicy(settings.policy()),
				settings);
		boolean[] refused = { false };
		assertThatNoException().isThrownBy(() -> assertTimeoutPreemptively(PER_CASE, () -> {
			try {
				CertificateMaterial material = loader.load(description.load(this.resourceLoader), description);
				validator.validate(material, description);
			}
			catch (MtlsBundleException ex) {
				assertThat(ex.getMessage()).isNotBlank();
				assertThat(ex.getAction()).isNotBlank();
				refused[0] = true;
			}
		}));
		return refused[0];
	}

}
