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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.pki.KeyType;
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

	@Test
	void whenKeyStorePasswordIsWrongThenAnalysisNamesTheKeyStore(CapturedOutput output) {
		Path keyStore = this.pki.server()
			.writeKeyStore(this.directory.resolve("server.p12"), "PKCS12", "server", "right");
		String prefix = "spring.ssl.bundle.jks.store.";

		start(output, "mtls.bundle=store", prefix + "keystore.location=file:" + keyStore,
				prefix + "keystore.type=PKCS12", prefix + "keystore.password=wrong",
				prefix + "truststore.location=file:" + keyStore, prefix + "truststore.type=PKCS12",
				prefix + "truststore.password=right");

		assertThat(output).contains(
				"Unable to read the certificate or private key of SSL bundle 'store' (spring.ssl.bundle.jks.store.keystore.location=file:"
						+ keyStore)
			.contains("Check that spring.ssl.bundle.jks.store.keystore.location");
	}

	@Test
	void whenOwnCertificateIsACaCertificateThenAnalysisNamesThePolicy(CapturedOutput output) {
		startWith(output,
				this.pki.authority().certificate().commonName("ca-leaf").ca().serverAuth().clientAuth().issue());

		assertThat(output).contains("violates the certificate policy that its peers apply")
			.contains("is a CA certificate (basicConstraints CA:true) used as a leaf (mtls.policy.refuse-ca-as-leaf)");
	}

	@Test
	void whenOwnKeyIsWeakThenAnalysisNamesThePolicy(CapturedOutput output) {
		startWith(output,
				this.pki.authority()
					.certificate()
					.commonName("weak")
					.keyType(KeyType.RSA_1024)
					.serverAuth()
					.clientAuth()
					.issue());

		assertThat(output)
			.contains("has a 1024-bit RSA key; at least 2048 bits are required (mtls.policy.min-rsa-key-size)");
	}

	@Test
	void whenOwnCertificateIsSha1SignedThenAnalysisNamesThePolicy(CapturedOutput output) {
		CertificateAuthority rsaRoot = CertificateAuthority.root("RSA Root", KeyType.RSA_2048);
		Credential sha1 = rsaRoot.certificate()
			.commonName("sha1")
			.serverAuth()
			.clientAuth()
			.signatureAlgorithm("SHA1withRSA")
			.issue();
		Credential.PemFiles files = sha1.writePem(this.directory, "sha1");
		Path trust = rsaRoot.writeCertificate(this.directory.resolve("rsa-root.crt"));

		start(output, TestPki.bundleProperties("service", files, trust));

		assertThat(output).contains("is signed with SHA1withRSA (mtls.policy.forbidden-signature-digests)");
	}

	@Test
	void whenOwnCertificateCannotServeThenAnalysisNamesTheExtendedKeyUsage(CapturedOutput output) {
		startWith(output, this.pki.authority().certificate().commonName("client-only").clientAuth().issue());

		assertThat(output).contains("does not allow serverAuth (mtls.policy.check-extended-key-usage)")
			.contains("extended key usage with serverAuth and clientAuth");
	}

	@Test
	void whenOwnCertificateIsNotIssuedByTheTrustAnchorsThenAnalysisSaysPeersWouldRefuseIt(CapturedOutput output) {
		startWith(output,
				CertificateAuthority.root("Elsewhere CA")
					.certificate()
					.commonName("elsewhere")
					.serverAuth()
					.clientAuth()
					.issue());

		assertThat(output).contains("is not issued by any of the bundle's trust anchors")
			.contains("set mtls.policy.own-certificate-trusted=false");
	}

	@Test
	void whenCrlIsUnreadableThenAnalysisNamesMtlsRevocationCrl(CapturedOutput output) throws Exception {
		Path crl = Files.writeString(this.directory.resolve("broken.crl"), "not a CRL");

		start(output, "mtls.revocation.crl=file:" + crl);

		assertThat(output)
			.contains("Unable to read the certificate revocation list file:" + crl + " (mtls.revocation.crl)")
			.contains("Point mtls.revocation.crl at readable CRL files");
	}

	@Test
	void whenCrlIsFromTheWrongIssuerThenAnalysisNamesTheTrustStore(CapturedOutput output) {
		Path crl = Pem.write(this.directory.resolve("other.crl"),
				Pem.crl(CertificateAuthority.root("Other CA").revoke(java.math.BigInteger.TEN)));

		start(output, "mtls.revocation.crl=file:" + crl);

		assertThat(output).contains(
				"The certificate revocation list of 'CN=Other CA' (mtls.revocation.crl) is not issued by any of the trust anchors")
			.contains(
					"Add the certificate of the CRL's issuer to spring.ssl.bundle.pem.service.truststore.certificate");
	}

	@Test
	void whenProtocolIsOlderThanTls12ThenAnalysisNamesTheBundleOption(CapturedOutput output) {
		start(output, "spring.ssl.bundle.pem.service.options.enabled-protocols=TLSv1.3,TLSv1.1");

		assertThat(output).contains(
				"SSL bundle 'service' enables protocol 'TLSv1.1' (spring.ssl.bundle.pem.service.options.enabled-protocols)")
			.contains("Allow only TLSv1.3 and TLSv1.2");
	}

	@Test
	void whenCipherSuiteLacksForwardSecrecyThenAnalysisNamesTheBundleOption(CapturedOutput output) {
		start(output,
				"spring.ssl.bundle.pem.service.options.ciphers=TLS_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_128_GCM_SHA256");

		assertThat(output).contains(
				"cipher suite 'TLS_RSA_WITH_AES_128_GCM_SHA256', which lacks forward secrecy or authenticated encryption")
			.contains("spring.ssl.bundle.pem.service.options.ciphers");
	}

	@Test
	void whenCipherSuiteIsUnknownThenAnalysisNamesTheBundleOption(CapturedOutput output) {
		start(output, "spring.ssl.bundle.pem.service.options.ciphers=TLS_AES_128_GCM_SHA257");

		assertThat(output).contains("cipher suite 'TLS_AES_128_GCM_SHA257', which this JDK does not support");
	}

	@Test
	void whenNamedGroupIsUnknownThenAnalysisNamesMtlsTlsNamedGroups(CapturedOutput output) {
		start(output, "mtls.tls.named-groups=x25519,brainpool");

		assertThat(output).contains("mtls.tls.named-groups names an unknown group 'brainpool'");
	}

	@Test
	void whenTrustDomainIsInvalidThenAnalysisNamesMtlsIdentityTrustDomains(CapturedOutput output) {
		start(output, "mtls.identity.trust-domains=Example.org");

		assertThat(output)
			.contains("Invalid value 'Example.org' for configuration property 'mtls.identity.trust-domains'")
			.contains("is not a SPIFFE trust domain");
	}

	@Test
	void whenPrivateKeyIsWorldReadableThenAWarningSaysSo(CapturedOutput output) throws Exception {
		Files.setPosixFilePermissions(this.pki.serverFiles().privateKey(),
				PosixFilePermissions.fromString("rw-r--r--"));
		List<String> properties = new ArrayList<>(List.of(this.pki.bundleProperties("service")));
		properties.add("server.port=0");

		new SpringApplicationBuilder(PeerApplication.class).web(WebApplicationType.SERVLET)
			.properties(properties.toArray(new String[0]))
			.run()
			.close();

		assertThat(output).contains("is readable by every user of this machine (rw-r--r--)").contains("chmod 600");
	}

	private void startWith(CapturedOutput output, Credential credential) {
		start(output,
				TestPki.bundleProperties("service", credential.writePem(this.directory, "own"), this.pki.trustFile()));
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
