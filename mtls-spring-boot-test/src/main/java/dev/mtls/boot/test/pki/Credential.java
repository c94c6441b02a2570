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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate, the chain that presents it (leaf first, without the root) and its
 * private key.
 *
 * @param certificate the leaf certificate
 * @param chain the presented chain, leaf first, intermediates after, root excluded
 * @param keyPair the key pair of the leaf
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public record Credential(X509Certificate certificate, List<X509Certificate> chain, KeyPair keyPair) {

	public Credential {
		chain = List.copyOf(chain);
	}

	/**
	 * Return the private key.
	 * @return the private key
	 */
	public PrivateKey privateKey() {
		return this.keyPair.getPrivate();
	}

	/**
	 * Return the serial number of the leaf certificate.
	 * @return the serial number
	 */
	public BigInteger serial() {
		return this.certificate.getSerialNumber();
	}

	/**
	 * Return the chain as PEM text.
	 * @return the PEM text
	 */
	public String certificatePem() {
		return Pem.certificates(this.chain);
	}

	/**
	 * Return the private key as unencrypted PKCS#8 PEM text.
	 * @return the PEM text
	 */
	public String privateKeyPem() {
		return Pem.privateKey(privateKey());
	}

	/**
	 * Write {@code <name>.crt} (chain) and {@code <name>.key} (PKCS#8) into a directory.
	 * @param directory the directory
	 * @param name the base file name
	 * @return the written files
	 */
	public PemFiles writePem(Path directory, String name) {
		Path certificate = Pem.write(directory.resolve(name + ".crt"), certificatePem());
		Path key = Pem.write(directory.resolve(name + ".key"), privateKeyPem());
		return new PemFiles(certificate, key);
	}

	/**
	 * Write {@code <name>.crt} (chain) and {@code <name>.key} (encrypted PKCS#8) into a
	 * directory.
	 * @param directory the directory
	 * @param name the base file name
	 * @param password the key password
	 * @return the written files
	 */
	public PemFiles writeEncryptedPem(Path directory, String name, String password) {
		Path certificate = Pem.write(directory.resolve(name + ".crt"), certificatePem());
		Path key = Pem.write(directory.resolve(name + ".key"), Pem.encryptedPrivateKey(privateKey(), password));
		return new PemFiles(certificate, key);
	}

	/**
	 * Return a key store (for example {@code PKCS12} or {@code JKS}) holding this
	 * credential under an alias.
	 * @param type the key store type
	 * @param alias the alias
	 * @param password the store and key password
	 * @return the key store
	 */
	public KeyStore toKeyStore(String type, String alias, String password) {
		try {
			KeyStore store = KeyStore.getInstance(type);
			store.load(null, null);
			store.setKeyEntry(alias, privateKey(), password.toCharArray(), this.chain.toArray(new Certificate[0]));
			return store;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Unable to build " + type + " key store", ex);
		}
	}

	/**
	 * Write this credential as a key store file.
	 * @param file the file
	 * @param type the key store type
	 * @param alias the alias
	 * @param password the store and key password
	 * @return the file
	 */
	public Path writeKeyStore(Path file, String type, String alias, String password) {
		return Pem.write(file, store(toKeyStore(type, alias, password), password));
	}

	/**
	 * Return a trust store holding the given certificates.
	 * @param type the key store type
	 * @param password the store password
	 * @param certificates the trusted certificates
	 * @return the key store
	 */
	public static KeyStore trustStore(String type, String password, X509Certificate... certificates) {
		try {
			KeyStore store = KeyStore.getInstance(type);
			store.load(null, null);
			List<X509Certificate> all = new ArrayList<>(List.of(certificates));
			for (int i = 0; i < all.size(); i++) {
				store.setCertificateEntry("trusted-" + i, all.get(i));
			}
			return store;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Unable to build " + type + " trust store", ex);
		}
	}

	/**
	 * Serialize a key store.
	 * @param store the store
	 * @param password the store password
	 * @return the bytes
	 */
	public static byte[] store(KeyStore store, String password) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			store.store(out, password.toCharArray());
			return out.toByteArray();
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Unable to write key store", ex);
		}
	}

	/**
	 * The files a credential was written to.
	 *
	 * @param certificate the certificate chain file
	 * @param privateKey the private key file
	 */
	public record PemFiles(Path certificate, Path privateKey) {

		/**
		 * Return the certificate file as a Spring resource location.
		 * @return the {@code file:} location
		 */
		public String certificateLocation() {
			return "file:" + this.certificate.toAbsolutePath();
		}

		/**
		 * Return the private key file as a Spring resource location.
		 * @return the {@code file:} location
		 */
		public String privateKeyLocation() {
			return "file:" + this.privateKey.toAbsolutePath();
		}

	}

}
