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

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.jspecify.annotations.Nullable;

/**
 * A certificate authority of an ephemeral test PKI: a self-signed root or an intermediate
 * issued by another authority. It issues leaf certificates, intermediates and revocation
 * lists.
 *
 * <pre class="code">
 * CertificateAuthority root = CertificateAuthority.root("Test Root CA");
 * Credential server = root.certificate().commonName("localhost").dns("localhost").ip("127.0.0.1").serverAuth().issue();
 * Credential client = root.certificate().uri("spiffe://example.org/orders").clientAuth().issue();
 * </pre>
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class CertificateAuthority {

	private final Credential credential;

	private final KeyType keyType;

	private final @Nullable CertificateAuthority parent;

	private CertificateAuthority(Credential credential, KeyType keyType, @Nullable CertificateAuthority parent) {
		this.credential = credential;
		this.keyType = keyType;
		this.parent = parent;
	}

	/**
	 * Create a self-signed root authority with an EC P-256 key, valid for a year.
	 * @param commonName the common name of the root
	 * @return the authority
	 */
	public static CertificateAuthority root(String commonName) {
		return root(commonName, KeyType.EC_P256);
	}

	/**
	 * Create a self-signed root authority, valid for a year.
	 * @param commonName the common name of the root
	 * @param keyType the key type
	 * @return the authority
	 */
	public static CertificateAuthority root(String commonName, KeyType keyType) {
		return root(new CertificateBuilder(null).commonName(commonName).keyType(keyType).validFor(Duration.ofDays(365)),
				keyType);
	}

	/**
	 * Create a self-signed root authority from a builder the test configured (for example
	 * with a short validity).
	 * @param builder a builder from {@link #selfSigned()}
	 * @param keyType the key type set on the builder
	 * @return the authority
	 */
	public static CertificateAuthority root(CertificateBuilder builder, KeyType keyType) {
		return new CertificateAuthority(builder.ca().keyType(keyType).issue(), keyType, null);
	}

	/**
	 * Return a builder for a self-signed certificate.
	 * @return the builder
	 */
	public static CertificateBuilder selfSigned() {
		return new CertificateBuilder(null);
	}

	/**
	 * Return a builder for a certificate this authority signs.
	 * @return the builder
	 */
	public CertificateBuilder certificate() {
		return new CertificateBuilder(this);
	}

	/**
	 * Create an intermediate authority signed by this one.
	 * @param commonName the common name of the intermediate
	 * @return the intermediate authority
	 */
	public CertificateAuthority intermediate(String commonName) {
		return intermediate(certificate().commonName(commonName).validFor(Duration.ofDays(180)), KeyType.EC_P256);
	}

	/**
	 * Create an intermediate authority from a builder the test configured.
	 * @param builder a builder from {@link #certificate()}
	 * @param keyType the key type set on the builder
	 * @return the intermediate authority
	 */
	public CertificateAuthority intermediate(CertificateBuilder builder, KeyType keyType) {
		return new CertificateAuthority(builder.ca().keyType(keyType).issue(), keyType, this);
	}

	/**
	 * Return a builder for a revocation list issued by this authority.
	 * @return the builder
	 */
	public CrlBuilder crl() {
		return new CrlBuilder(this);
	}

	/**
	 * Return a revocation list, valid for a day, that revokes the given serial numbers.
	 * @param revoked the revoked serial numbers
	 * @return the CRL
	 */
	public X509CRL revoke(BigInteger... revoked) {
		CrlBuilder builder = crl();
		for (BigInteger serial : revoked) {
			builder.revoke(serial);
		}
		return builder.issue();
	}

	/**
	 * Return this authority's own certificate.
	 * @return the certificate
	 */
	public X509Certificate certificateOfAuthority() {
		return this.credential.certificate();
	}

	/**
	 * Return this authority's credential (certificate, chain and key).
	 * @return the credential
	 */
	public Credential credential() {
		return this.credential;
	}

	/**
	 * Return the certificate of the root this authority chains to.
	 * @return the root certificate
	 */
	public X509Certificate rootCertificate() {
		return (this.parent != null) ? this.parent.rootCertificate() : certificateOfAuthority();
	}

	/**
	 * Write this authority's certificate as PEM.
	 * @param file the file
	 * @return the file
	 */
	public Path writeCertificate(Path file) {
		return Pem.write(file, Pem.certificates(List.of(certificateOfAuthority())));
	}

	/**
	 * Return the subject of this authority.
	 * @return the name
	 */
	X500Name name() {
		return X500Name.getInstance(certificateOfAuthority().getSubjectX500Principal().getEncoded());
	}

	KeyPair keyPair() {
		return this.credential.keyPair();
	}

	KeyType keyType() {
		return this.keyType;
	}

	/**
	 * Return the chain a leaf of this authority presents after itself: this authority and
	 * its parents, without the root.
	 * @return the chain
	 */
	List<X509Certificate> presentedChain() {
		List<X509Certificate> chain = new ArrayList<>();
		CertificateAuthority authority = this;
		while (authority.parent != null) {
			chain.add(authority.certificateOfAuthority());
			authority = authority.parent;
		}
		return chain;
	}

}
