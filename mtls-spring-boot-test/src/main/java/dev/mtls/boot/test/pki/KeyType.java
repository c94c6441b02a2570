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

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.spec.ECGenParameterSpec;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Key algorithms and sizes a test certificate can have, including weak ones that a strict
 * peer policy must refuse.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public enum KeyType {

	/**
	 * Elliptic curve P-256, signed with SHA256withECDSA.
	 */
	EC_P256("EC", "secp256r1", 0, "SHA256withECDSA"),

	/**
	 * Elliptic curve P-384, signed with SHA384withECDSA.
	 */
	EC_P384("EC", "secp384r1", 0, "SHA384withECDSA"),

	/**
	 * Elliptic curve secp224r1, below the P-256 minimum. Generated with Bouncy Castle
	 * (the JDK no longer supports the curve, so such a key cannot sign a TLS handshake in
	 * JSSE; use it for certificates that are checked, not for presenting).
	 */
	EC_P224("EC", "secp224r1", 0, "SHA256withECDSA"),

	/**
	 * RSA with a 2048-bit modulus.
	 */
	RSA_2048("RSA", null, 2048, "SHA256withRSA"),

	/**
	 * RSA with a 3072-bit modulus.
	 */
	RSA_3072("RSA", null, 3072, "SHA256withRSA"),

	/**
	 * RSA with a 1024-bit modulus, below the RSA-2048 minimum.
	 */
	RSA_1024("RSA", null, 1024, "SHA256withRSA"),

	/**
	 * Ed25519.
	 */
	ED25519("Ed25519", null, 0, "Ed25519");

	private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

	private final String algorithm;

	private final String curve;

	private final int size;

	private final String signatureAlgorithm;

	KeyType(String algorithm, String curve, int size, String signatureAlgorithm) {
		this.algorithm = algorithm;
		this.curve = curve;
		this.size = size;
		this.signatureAlgorithm = signatureAlgorithm;
	}

	/**
	 * Return the default algorithm used when a key of this type signs a certificate.
	 * @return the JCA signature algorithm name
	 */
	public String signatureAlgorithm() {
		return this.signatureAlgorithm;
	}

	/**
	 * Generate a fresh key pair of this type.
	 * @return the key pair
	 */
	public KeyPair generate() {
		try {
			KeyPairGenerator generator = (this == EC_P224) ? KeyPairGenerator.getInstance(this.algorithm, BOUNCY_CASTLE)
					: KeyPairGenerator.getInstance(this.algorithm);
			if (this.curve != null) {
				generator.initialize(new ECGenParameterSpec(this.curve));
			}
			else if (this.size > 0) {
				generator.initialize(this.size);
			}
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Unable to generate a " + name() + " key pair", ex);
		}
	}

}
