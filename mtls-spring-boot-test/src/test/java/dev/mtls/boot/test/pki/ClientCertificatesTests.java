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
package dev.mtls.boot.test.pki;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SignatureException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509CRL;
import java.security.interfaces.RSAPublicKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ClientCertificates}.
 *
 * @author mtls-spring-boot authors
 */
class ClientCertificatesTests {

	private static final String ORDERS = "spiffe://example.org/orders";

	private final CertificateAuthority authority = CertificateAuthority.root("Test Root CA");

	private final ClientCertificates certificates = ClientCertificates.issuedBy(this.authority);

	@TempDir
	Path directory;

	@Test
	void whenIssuedThenValidClientCertificateOfTheAuthority() throws Exception {
		Credential credential = this.certificates.issue(ORDERS);

		credential.certificate().checkValidity();
		credential.certificate().verify(this.authority.certificateOfAuthority().getPublicKey());
		assertThat(credential.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
	}

	@Test
	void whenExpiredThenValidityEndedInThePast() {
		Credential credential = this.certificates.expired(ORDERS);

		assertThatExceptionOfType(CertificateExpiredException.class)
			.isThrownBy(() -> credential.certificate().checkValidity());
	}

	@Test
	void whenNotYetValidThenValidityStartsInTheFuture() {
		Credential credential = this.certificates.notYetValid(ORDERS);

		assertThatExceptionOfType(CertificateNotYetValidException.class)
			.isThrownBy(() -> credential.certificate().checkValidity());
	}

	@Test
	void whenWeakKeyThenRsa1024() {
		Credential credential = this.certificates.weakKey(ORDERS);

		assertThat(credential.certificate().getPublicKey()).isInstanceOfSatisfying(RSAPublicKey.class,
				(key) -> assertThat(key.getModulus().bitLength()).isEqualTo(1024));
	}

	@Test
	void whenRevokedThenCrlFileOfTheAuthorityNamesTheSerial() throws Exception {
		ClientCertificates.Revoked revoked = this.certificates.revoked(ORDERS, this.directory.resolve("ca.crl"));

		X509CRL crl;
		try (InputStream in = Files.newInputStream(revoked.crlFile())) {
			crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
		}
		crl.verify(this.authority.certificateOfAuthority().getPublicKey());
		assertThat(crl.isRevoked(revoked.credential().certificate())).isTrue();
		assertThat(crl.isRevoked(this.certificates.issue(ORDERS).certificate())).isFalse();
		assertThat(revoked.crlLocation()).isEqualTo("file:" + this.directory.resolve("ca.crl").toAbsolutePath());
	}

	@Test
	void whenUntrustedThenImpostorWithTheSameNameButAnotherKeySigned() {
		Credential credential = this.certificates.untrusted(ORDERS);

		assertThat(credential.certificate().getIssuerX500Principal())
			.isEqualTo(this.authority.certificateOfAuthority().getSubjectX500Principal());
		assertThatExceptionOfType(SignatureException.class)
			.isThrownBy(() -> credential.certificate().verify(this.authority.certificateOfAuthority().getPublicKey()));
		assertThat(this.certificates.untrusted("spiffe://example.org/billing").certificate().getIssuerX500Principal())
			.isEqualTo(credential.certificate().getIssuerX500Principal());
	}

}
