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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.pem.PemContent;

/**
 * Reads PEM certificates and private keys from files with Spring Boot's PEM parser. Other
 * packages of the starter use this instead of parsing files themselves.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class PemFiles {

	private PemFiles() {
	}

	/**
	 * Read the certificates of a PEM file.
	 * @param file the file
	 * @return the certificates, in file order
	 * @throws IOException if the file cannot be read
	 * @throws IllegalStateException if the content is not valid PEM
	 */
	public static List<X509Certificate> readCertificates(Path file) throws IOException {
		return PemContent.load(file).getCertificates();
	}

	/**
	 * Decode a DER-encoded certificate.
	 * @param der the encoding
	 * @return the certificate
	 * @throws CertificateException if it is not a valid X.509 certificate
	 */
	public static X509Certificate decodeCertificate(byte[] der) throws CertificateException {
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(der));
	}

	/**
	 * Read the (unencrypted) private key of a PEM file.
	 * @param file the file
	 * @return the private key or {@code null} if the file holds none
	 * @throws IOException if the file cannot be read
	 * @throws IllegalStateException if the content is not valid PEM
	 */
	public static @Nullable PrivateKey readPrivateKey(Path file) throws IOException {
		return PemContent.load(file).getPrivateKey();
	}

	/**
	 * Return whether a private key belongs to a certificate's public key.
	 * @param privateKey the private key
	 * @param certificate the certificate
	 * @return whether they form a pair
	 */
	public static boolean matches(PrivateKey privateKey, X509Certificate certificate) {
		return MaterialValidator.matches(privateKey, certificate.getPublicKey());
	}

}
