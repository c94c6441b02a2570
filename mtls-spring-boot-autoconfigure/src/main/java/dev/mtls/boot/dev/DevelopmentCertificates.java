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
package dev.mtls.boot.dev;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import dev.mtls.boot.ssl.PemFiles;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;

/**
 * Issues the certificates of the development PKI with Bouncy Castle: a certificate
 * authority and per-service certificates (EC P-256, SPIFFE ID, localhost, loopback
 * addresses, clientAuth and serverAuth).
 *
 * @author mtls-spring-boot authors
 */
final class DevelopmentCertificates {

	private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

	private static final SecureRandom RANDOM = new SecureRandom();

	private DevelopmentCertificates() {
	}

	static KeyPair generateKeyPair() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return generator.generateKeyPair();
	}

	static X509Certificate authority(KeyPair keyPair, String trustDomain, Instant now, Duration validity)
			throws Exception {
		X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "mtls-spring-boot development")
			.addRDN(BCStyle.CN, "Development CA " + trustDomain)
			.build();
		X509v3CertificateBuilder builder = builder(name, name, keyPair.getPublic(), keyPair.getPublic(), now, validity);
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
		builder.addExtension(Extension.keyUsage, true,
				new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
		return sign(builder, keyPair.getPrivate());
	}

	static X509Certificate service(KeyPair keyPair, String serviceName, String spiffeId, X509Certificate authority,
			PrivateKey authorityKey, Instant now, Duration validity) throws Exception {
		X500Name issuer = X500Name.getInstance(authority.getSubjectX500Principal().getEncoded());
		X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "mtls-spring-boot development")
			.addRDN(BCStyle.CN, serviceName)
			.build();
		X509v3CertificateBuilder builder = builder(issuer, subject, keyPair.getPublic(), authority.getPublicKey(), now,
				validity);
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
		builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
				new KeyPurposeId[] { KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth }));
		builder.addExtension(Extension.subjectAlternativeName, false,
				new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.uniformResourceIdentifier, spiffeId),
						new GeneralName(GeneralName.dNSName, "localhost"),
						new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
						new GeneralName(GeneralName.iPAddress, "::1") }));
		return sign(builder, authorityKey);
	}

	private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey subjectKey,
			PublicKey issuerKey, Instant now, Duration validity) throws Exception {
		X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer,
				new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(now.minus(Duration.ofMinutes(5))),
				Date.from(now.plus(validity)), subject, SubjectPublicKeyInfo.getInstance(subjectKey.getEncoded()));
		builder.addExtension(Extension.subjectKeyIdentifier, false,
				new SubjectKeyIdentifier(keyIdentifier(subjectKey)));
		builder.addExtension(Extension.authorityKeyIdentifier, false,
				new AuthorityKeyIdentifier(keyIdentifier(issuerKey)));
		return builder;
	}

	/**
	 * The key identifier of RFC 5280 (section 4.2.1.2, method 1): the SHA-1 hash of the
	 * subject public key. An identifier, not a signature.
	 */
	private static byte[] keyIdentifier(PublicKey key) throws GeneralSecurityException {
		byte[] publicKey = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
		return MessageDigest.getInstance("SHA-1").digest(publicKey);
	}

	/**
	 * Signs with the JDK's {@code SHA256withECDSA} directly rather than through Bouncy
	 * Castle's JCA operator builders, whose algorithm tables take a few hundred
	 * milliseconds to initialize, which every application start with the development PKI
	 * would pay.
	 */
	private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws Exception {
		X509CertificateHolder holder = builder.build(new EcdsaSigner(key));
		return PemFiles.decodeCertificate(holder.getEncoded());
	}

	/**
	 * An ECDSA with SHA-256 content signer on the JDK's provider.
	 */
	private static final class EcdsaSigner implements ContentSigner {

		private static final AlgorithmIdentifier ALGORITHM = new AlgorithmIdentifier(
				X9ObjectIdentifiers.ecdsa_with_SHA256);

		private final PrivateKey key;

		private final ByteArrayOutputStream content = new ByteArrayOutputStream();

		EcdsaSigner(PrivateKey key) {
			this.key = key;
		}

		@Override
		public AlgorithmIdentifier getAlgorithmIdentifier() {
			return ALGORITHM;
		}

		@Override
		public OutputStream getOutputStream() {
			return this.content;
		}

		@Override
		public byte[] getSignature() {
			try {
				Signature signature = Signature.getInstance(SIGNATURE_ALGORITHM);
				signature.initSign(this.key);
				signature.update(this.content.toByteArray());
				return signature.sign();
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("Unable to sign a development certificate", ex);
			}
		}

	}

}
