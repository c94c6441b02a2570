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
package dev.mtls.boot.test.context;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;

import dev.mtls.boot.test.pki.Credential;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link MtlsTestPki}.
 *
 * @author mtls-spring-boot authors
 */
class MtlsTestPkiTests {

	@TempDir
	Path directory;

	@Test
	void whenCreatedThenPropertiesDescribeTheFilesAsTheBundle() {
		MtlsTestPki pki = MtlsTestPki.create(this.directory, "orders", "spiffe://example.org/orders");

		assertThat(pki.properties()).containsOnly(entry("mtls.bundle", "orders"),
				entry("spring.ssl.bundle.pem.orders.keystore.certificate", location("server.crt")),
				entry("spring.ssl.bundle.pem.orders.keystore.private-key", location("server.key")),
				entry("spring.ssl.bundle.pem.orders.truststore.certificate", location("ca.crt")),
				entry("mtls.revocation.crl", location("ca.crl")), entry("mtls.dev.enabled", "false"));
	}

	@Test
	void whenCreatedThenCrlOfTheCaRevokesNothing() throws Exception {
		MtlsTestPki pki = MtlsTestPki.create(this.directory, "orders", "spiffe://example.org/orders");

		X509CRL crl = readCrl(pki.crlFile());

		crl.verify(pki.rootCertificate().getPublicKey());
		assertThat(crl.getRevokedCertificates()).isNull();
	}

	@Test
	void whenIdentityIsRevokedThenCrlIsRewrittenWithItsSerialAndANewNumber() throws Exception {
		MtlsTestPki pki = MtlsTestPki.create(this.directory, "orders", "spiffe://example.org/orders");
		BigInteger firstNumber = crlNumber(readCrl(pki.crlFile()));

		Credential lost = pki.revoke("spiffe://example.org/lost");
		Credential stolen = pki.revoke("spiffe://example.org/stolen");

		X509CRL crl = readCrl(pki.crlFile());
		assertThat(lost).isSameAs(pki.client("spiffe://example.org/lost"));
		assertThat(crl.isRevoked(lost.certificate())).isTrue();
		assertThat(crl.isRevoked(stolen.certificate())).isTrue();
		assertThat(crl.isRevoked(pki.client("spiffe://example.org/orders").certificate())).isFalse();
		assertThat(crlNumber(crl)).isGreaterThan(firstNumber);
		assertThat(this.directory).isDirectoryNotContaining("glob:**.tmp");
	}

	private String location(String file) {
		return "file:" + this.directory.resolve(file).toAbsolutePath();
	}

	private static X509CRL readCrl(Path file) throws Exception {
		try (InputStream in = Files.newInputStream(file)) {
			return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
		}
	}

	private static BigInteger crlNumber(X509CRL crl) {
		byte[] extension = crl.getExtensionValue("2.5.29.20");
		return ASN1Integer.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getValue();
	}

}
