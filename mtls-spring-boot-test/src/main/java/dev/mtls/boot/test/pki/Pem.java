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

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;

/**
 * PEM encoding of certificates, private keys (PKCS#8, plain or encrypted) and revocation
 * lists.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class Pem {

	private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

	private Pem() {
	}

	/**
	 * Encode certificates as consecutive PEM blocks.
	 * @param certificates the certificates
	 * @return the PEM text
	 */
	public static String certificates(List<X509Certificate> certificates) {
		return encode(certificates.toArray());
	}

	/**
	 * Encode a private key as an unencrypted PKCS#8 PEM block.
	 * @param privateKey the key
	 * @return the PEM text
	 */
	public static String privateKey(PrivateKey privateKey) {
		try {
			return encode(new JcaPKCS8Generator(privateKey, null).generate());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Encode a private key as an encrypted PKCS#8 PEM block (PBES2, AES-256-CBC,
	 * HMAC-SHA256).
	 * @param privateKey the key
	 * @param password the password
	 * @return the PEM text
	 */
	public static String encryptedPrivateKey(PrivateKey privateKey, String password) {
		try {
			OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
				.setPassword(password.toCharArray())
				.setPRF(PKCS8Generator.PRF_HMACSHA256)
				.setIterationCount(2048)
				.setProvider(BOUNCY_CASTLE)
				.build();
			return encode(new JcaPKCS8Generator(privateKey, encryptor).generate());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (OperatorCreationException ex) {
			throw new IllegalStateException("Unable to encrypt private key", ex);
		}
	}

	/**
	 * Encode a certificate revocation list as a PEM block.
	 * @param crl the CRL
	 * @return the PEM text
	 */
	public static String crl(X509CRL crl) {
		return encode(crl);
	}

	/**
	 * Write text to a file, creating parent directories.
	 * @param file the file
	 * @param content the text
	 * @return the file
	 */
	public static Path write(Path file, String content) {
		return write(file, content.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Write bytes to a file, creating parent directories.
	 * @param file the file
	 * @param content the bytes
	 * @return the file
	 */
	public static Path write(Path file, byte[] content) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			return Files.write(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String encode(Object... objects) {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			for (Object object : objects) {
				writer.writeObject(object);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

}
