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
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Builds one certificate: its subject, subject alternative names, key, validity and
 * extensions, signed by a {@link CertificateAuthority} or by itself. Every value has a
 * sensible default so that tests only state what matters to them.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class CertificateBuilder {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String DNS_PREFIX = "dns:";

	private static final String EMAIL_PREFIX = "email:";

	private static final String CN_PREFIX = "cn:";

	private final @Nullable CertificateAuthority issuer;

	private X500Name subject = new X500Name("CN=test");

	private final List<GeneralName> subjectAlternativeNames = new ArrayList<>();

	private final List<KeyPurposeId> extendedKeyUsages = new ArrayList<>();

	private final List<RawExtension> extensions = new ArrayList<>();

	private KeyType keyType = KeyType.EC_P256;

	private @Nullable KeyPair keyPair;

	private @Nullable String signatureAlgorithm;

	private Instant notBefore = Instant.now().minus(Duration.ofHours(1));

	private Instant notAfter = Instant.now().plus(Duration.ofDays(30));

	private @Nullable BigInteger serial;

	private boolean ca;

	private int pathLength = -1;

	private boolean keyUsage = true;

	CertificateBuilder(@Nullable CertificateAuthority issuer) {
		this.issuer = issuer;
	}

	/**
	 * Set the subject distinguished name in RFC 4514 form.
	 * @param distinguishedName the name, for example {@code CN=orders,O=Example}
	 * @return this builder
	 */
	public CertificateBuilder subject(String distinguishedName) {
		this.subject = new X500Name(distinguishedName);
		return this;
	}

	/**
	 * Set the subject distinguished name from a structure built by the test (multi-valued
	 * RDNs, unusual string types).
	 * @param name the name
	 * @return this builder
	 */
	public CertificateBuilder subject(X500Name name) {
		this.subject = name;
		return this;
	}

	/**
	 * Set the subject to a single common name.
	 * @param commonName the common name
	 * @return this builder
	 */
	public CertificateBuilder commonName(String commonName) {
		this.subject = new X500Name(new RDN[] { new RDN(BCStyle.CN, new DERUTF8String(commonName)) });
		return this;
	}

	/**
	 * Add URI subject alternative names (for example SPIFFE IDs).
	 * @param uris the URIs
	 * @return this builder
	 */
	public CertificateBuilder uri(String... uris) {
		for (String uri : uris) {
			this.subjectAlternativeNames.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
		}
		return this;
	}

	/**
	 * Add DNS subject alternative names.
	 * @param names the host names
	 * @return this builder
	 */
	public CertificateBuilder dns(String... names) {
		for (String name : names) {
			this.subjectAlternativeNames.add(new GeneralName(GeneralName.dNSName, name));
		}
		return this;
	}

	/**
	 * Add IP address subject alternative names.
	 * @param addresses the addresses, IPv4 or IPv6
	 * @return this builder
	 */
	public CertificateBuilder ip(String... addresses) {
		for (String address : addresses) {
			this.subjectAlternativeNames.add(new GeneralName(GeneralName.iPAddress, address));
		}
		return this;
	}

	/**
	 * Add e-mail subject alternative names.
	 * @param addresses the addresses
	 * @return this builder
	 */
	public CertificateBuilder email(String... addresses) {
		for (String address : addresses) {
			this.subjectAlternativeNames.add(new GeneralName(GeneralName.rfc822Name, address));
		}
		return this;
	}

	/**
	 * Give the certificate an identity written as one string, the way tests name clients:
	 * <ul>
	 * <li>a URI such as {@code spiffe://example.org/orders}: a URI subject alternative
	 * name, and the last path segment (or the host) as common name;</li>
	 * <li>{@code dns:orders.example.org}: a DNS subject alternative name and the name as
	 * common name;</li>
	 * <li>{@code email:orders@example.org}: an e-mail subject alternative name and the
	 * address as common name;</li>
	 * <li>{@code cn:orders}: only a common name, no subject alternative name.</li>
	 * </ul>
	 * @param identity the identity
	 * @return this builder
	 * @throws IllegalArgumentException if the identity has none of these forms
	 */
	public CertificateBuilder identity(String identity) {
		if (identity.contains("://")) {
			return commonName(lastSegment(identity)).uri(identity);
		}
		if (identity.startsWith(DNS_PREFIX) && identity.length() > DNS_PREFIX.length()) {
			String name = identity.substring(DNS_PREFIX.length());
			return commonName(name).dns(name);
		}
		if (identity.startsWith(EMAIL_PREFIX) && identity.length() > EMAIL_PREFIX.length()) {
			String address = identity.substring(EMAIL_PREFIX.length());
			return commonName(address).email(address);
		}
		if (identity.startsWith(CN_PREFIX) && identity.length() > CN_PREFIX.length()) {
			return commonName(identity.substring(CN_PREFIX.length()));
		}
		throw new IllegalArgumentException(("Unknown identity '%s': use a URI (spiffe://example.org/orders), "
				+ "dns:orders.example.org, email:orders@example.org or cn:orders")
			.formatted(identity));
	}

	private static String lastSegment(String uri) {
		String withoutScheme = uri.substring(uri.indexOf("://") + 3);
		String trimmed = withoutScheme.endsWith("/") ? withoutScheme.substring(0, withoutScheme.length() - 1)
				: withoutScheme;
		return trimmed.substring(trimmed.lastIndexOf('/') + 1);
	}

	/**
	 * Add any subject alternative name.
	 * @param name the name
	 * @return this builder
	 */
	public CertificateBuilder subjectAlternativeName(GeneralName name) {
		this.subjectAlternativeNames.add(name);
		return this;
	}

	/**
	 * Add the {@code clientAuth} extended key usage.
	 * @return this builder
	 */
	public CertificateBuilder clientAuth() {
		this.extendedKeyUsages.add(KeyPurposeId.id_kp_clientAuth);
		return this;
	}

	/**
	 * Describe a service on this machine that is both server and client: common name and
	 * DNS name {@code localhost}, IP address {@code 127.0.0.1}, SPIFFE ID
	 * {@code spiffe://example.org/server}, {@code serverAuth} and {@code clientAuth}.
	 * @return this builder
	 */
	public CertificateBuilder localhostService() {
		return commonName("localhost").uri("spiffe://example.org/server")
			.dns("localhost")
			.ip("127.0.0.1")
			.serverAuth()
			.clientAuth();
	}

	/**
	 * Add the {@code serverAuth} extended key usage.
	 * @return this builder
	 */
	public CertificateBuilder serverAuth() {
		this.extendedKeyUsages.add(KeyPurposeId.id_kp_serverAuth);
		return this;
	}

	/**
	 * Add extended key usages.
	 * @param usages the usages
	 * @return this builder
	 */
	public CertificateBuilder extendedKeyUsage(KeyPurposeId... usages) {
		this.extendedKeyUsages.addAll(List.of(usages));
		return this;
	}

	/**
	 * Omit the key usage extension.
	 * @return this builder
	 */
	public CertificateBuilder withoutKeyUsage() {
		this.keyUsage = false;
		return this;
	}

	/**
	 * Mark the certificate as a certificate authority (basicConstraints CA:true).
	 * @return this builder
	 */
	public CertificateBuilder ca() {
		this.ca = true;
		return this;
	}

	/**
	 * Limit the path length of a certificate authority.
	 * @param pathLength the path length
	 * @return this builder
	 */
	public CertificateBuilder pathLength(int pathLength) {
		this.pathLength = pathLength;
		return this;
	}

	/**
	 * Set the key type of the new certificate.
	 * @param keyType the key type
	 * @return this builder
	 */
	public CertificateBuilder keyType(KeyType keyType) {
		this.keyType = keyType;
		return this;
	}

	/**
	 * Reuse an existing key pair instead of generating one.
	 * @param keyPair the key pair
	 * @return this builder
	 */
	public CertificateBuilder keyPair(KeyPair keyPair) {
		this.keyPair = keyPair;
		return this;
	}

	/**
	 * Override the algorithm the issuer signs with (for example {@code SHA1withRSA}).
	 * @param signatureAlgorithm the JCA signature algorithm
	 * @return this builder
	 */
	public CertificateBuilder signatureAlgorithm(String signatureAlgorithm) {
		this.signatureAlgorithm = signatureAlgorithm;
		return this;
	}

	/**
	 * Set the validity period.
	 * @param notBefore the start of validity
	 * @param notAfter the end of validity
	 * @return this builder
	 */
	public CertificateBuilder validity(Instant notBefore, Instant notAfter) {
		this.notBefore = notBefore;
		this.notAfter = notAfter;
		return this;
	}

	/**
	 * Make the certificate valid from an hour ago for the given duration.
	 * @param duration the remaining validity
	 * @return this builder
	 */
	public CertificateBuilder validFor(Duration duration) {
		return validity(Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(duration));
	}

	/**
	 * Make the certificate expired (valid for a day that ended yesterday).
	 * @return this builder
	 */
	public CertificateBuilder expired() {
		return validity(Instant.now().minus(Duration.ofDays(2)), Instant.now().minus(Duration.ofDays(1)));
	}

	/**
	 * Make the certificate not yet valid (valid from tomorrow).
	 * @return this builder
	 */
	public CertificateBuilder notYetValid() {
		return validity(Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
	}

	/**
	 * Set the serial number.
	 * @param serial the serial number
	 * @return this builder
	 */
	public CertificateBuilder serial(BigInteger serial) {
		this.serial = serial;
		return this;
	}

	/**
	 * Add an extension.
	 * @param oid the extension identifier
	 * @param critical whether the extension is critical
	 * @param value the extension value
	 * @return this builder
	 */
	public CertificateBuilder extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
		this.extensions.add(new RawExtension(oid, critical, value));
		return this;
	}

	/**
	 * Issue the certificate.
	 * @return the credential holding certificate, chain and key
	 */
	public Credential issue() {
		KeyPair subjectKeys = (this.keyPair != null) ? this.keyPair : this.keyType.generate();
		X509Certificate certificate = sign(subjectKeys);
		List<X509Certificate> chain = new ArrayList<>();
		chain.add(certificate);
		if (this.issuer != null) {
			chain.addAll(this.issuer.presentedChain());
		}
		return new Credential(certificate, chain, subjectKeys);
	}

	private X509Certificate sign(KeyPair subjectKeys) {
		PublicKey subjectPublicKey = subjectKeys.getPublic();
		X500Name issuerName = (this.issuer != null) ? this.issuer.name() : this.subject;
		PrivateKey signingKey = (this.issuer != null) ? this.issuer.keyPair().getPrivate() : subjectKeys.getPrivate();
		KeyType signingKeyType = (this.issuer != null) ? this.issuer.keyType() : this.keyType;
		BigInteger serialNumber = (this.serial != null) ? this.serial : new BigInteger(127, RANDOM).add(BigInteger.ONE);
		try {
			JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serialNumber,
					Date.from(this.notBefore), Date.from(this.notAfter), this.subject, subjectPublicKey);
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					utils.createSubjectKeyIdentifier(subjectPublicKey));
			builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(
					(this.issuer != null) ? this.issuer.keyPair().getPublic() : subjectPublicKey));
			builder.addExtension(Extension.basicConstraints, true, basicConstraints());
			if (this.keyUsage) {
				builder.addExtension(Extension.keyUsage, true, keyUsage(subjectPublicKey));
			}
			if (!this.extendedKeyUsages.isEmpty()) {
				builder.addExtension(Extension.extendedKeyUsage, false,
						new ExtendedKeyUsage(this.extendedKeyUsages.toArray(new KeyPurposeId[0])));
			}
			if (!this.subjectAlternativeNames.isEmpty()) {
				builder.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(this.subjectAlternativeNames.toArray(new GeneralName[0])));
			}
			for (RawExtension extension : this.extensions) {
				builder.addExtension(extension.oid(), extension.critical(), extension.value());
			}
			String algorithm = (this.signatureAlgorithm != null) ? this.signatureAlgorithm
					: signingKeyType.signatureAlgorithm();
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(signingKey)));
		}
		catch (CertIOException | OperatorCreationException | GeneralSecurityException ex) {
			throw new IllegalStateException("Unable to issue certificate for " + this.subject, ex);
		}
	}

	private BasicConstraints basicConstraints() {
		if (!this.ca) {
			return new BasicConstraints(false);
		}
		return (this.pathLength >= 0) ? new BasicConstraints(this.pathLength) : new BasicConstraints(true);
	}

	private KeyUsage keyUsage(PublicKey publicKey) {
		if (this.ca) {
			return new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature);
		}
		int usage = KeyUsage.digitalSignature;
		if ("RSA".equals(publicKey.getAlgorithm())) {
			usage |= KeyUsage.keyEncipherment;
		}
		return new KeyUsage(usage);
	}

	private record RawExtension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
	}

}
