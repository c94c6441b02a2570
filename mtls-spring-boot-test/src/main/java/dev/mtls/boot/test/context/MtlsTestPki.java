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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.ClientCertificates;
import dev.mtls.boot.test.pki.CrlBuilder;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.pki.Pem;
import dev.mtls.boot.test.pki.TestPki;

import org.springframework.util.FileSystemUtils;

/**
 * The ephemeral PKI of one application context under {@link MtlsTest @MtlsTest}: a root
 * CA, the application's certificate, client certificates per identity (issued once and
 * reused, so that a real handshake and a MockMvc request present the same certificate for
 * the same identity) and the CA's revocation list, which the application checks
 * ({@code mtls.revocation.crl}) and which {@link #revoke(String)} rewrites.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class MtlsTestPki {

	/**
	 * The bundle name {@link MtlsTest @MtlsTest} uses by default.
	 */
	public static final String DEFAULT_BUNDLE = "mtls-test";

	private final TestPki pki;

	private final String bundle;

	private final String identity;

	private final Map<String, Credential> clients = new ConcurrentHashMap<>();

	private final Map<String, Credential> untrusted = new ConcurrentHashMap<>();

	private final Set<BigInteger> revoked = new LinkedHashSet<>();

	private final Path crlFile;

	private long crlNumber;

	private MtlsTestPki(TestPki pki, String bundle, String identity) {
		this.pki = pki;
		this.bundle = bundle;
		this.identity = identity;
		this.crlFile = pki.directory().resolve("ca.crl");
		writeCrl();
	}

	/**
	 * Create a PKI whose files live in the given directory.
	 * @param directory the directory
	 * @param bundle the name of the bundle that describes the files
	 * @param identity the identity of the application's certificate
	 * @return the PKI
	 */
	public static MtlsTestPki create(Path directory, String bundle, String identity) {
		return new MtlsTestPki(TestPki.create(directory, identity), bundle, identity);
	}

	/**
	 * Create a PKI in a new temporary directory.
	 * @param bundle the name of the bundle that describes the files
	 * @param identity the identity of the application's certificate
	 * @return the PKI
	 */
	static MtlsTestPki createInTemporaryDirectory(String bundle, String identity) {
		try {
			return create(Files.createTempDirectory("mtls-test-"), bundle, identity);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Unable to create a directory for the test PKI", ex);
		}
	}

	/**
	 * Return the name of the bundle.
	 * @return the bundle name
	 */
	public String bundle() {
		return this.bundle;
	}

	/**
	 * Return the identity of the application's certificate.
	 * @return the identity
	 */
	public String identity() {
		return this.identity;
	}

	/**
	 * Return the root authority that issues the application's and the clients'
	 * certificates.
	 * @return the authority
	 */
	public CertificateAuthority authority() {
		return this.pki.authority();
	}

	/**
	 * Return the root certificate the application and the clients trust.
	 * @return the root certificate
	 */
	public X509Certificate rootCertificate() {
		return this.pki.rootCertificate();
	}

	/**
	 * Return the application's credential (server and client certificate).
	 * @return the credential
	 */
	public Credential server() {
		return this.pki.server();
	}

	/**
	 * Return the directory that holds the PEM files.
	 * @return the directory
	 */
	public Path directory() {
		return this.pki.directory();
	}

	/**
	 * Return the client credential for an identity, issued on first use.
	 * @param identity the identity, for example {@code spiffe://example.org/orders} (see
	 * {@link dev.mtls.boot.test.pki.CertificateBuilder#identity(String)} for the other
	 * forms)
	 * @return the credential
	 */
	public Credential client(String identity) {
		return this.clients.computeIfAbsent(identity, this.pki::client);
	}

	/**
	 * Return a client credential for an identity from an impostor CA (same name as the
	 * test CA, different key) that the application does not trust, issued on first use.
	 * @param identity the identity
	 * @return the credential
	 */
	public Credential untrusted(String identity) {
		return this.untrusted.computeIfAbsent(identity, this.pki.certificates()::untrusted);
	}

	/**
	 * Revoke the client certificate of an identity (issuing it first if needed): the test
	 * CA's revocation list is rewritten with its serial number, atomically, and the
	 * application reloads it like its other material, shortly after (wait for the
	 * refusal, for example with Awaitility). The revocation lasts as long as the
	 * application context, which other test classes may share: revoke identities of your
	 * own.
	 * @param identity the identity
	 * @return the revoked credential
	 */
	public Credential revoke(String identity) {
		Credential credential = client(identity);
		synchronized (this.revoked) {
			this.revoked.add(credential.serial());
			writeCrl();
		}
		return credential;
	}

	/**
	 * Return the PEM file of the test CA's revocation list.
	 * @return the CRL file
	 */
	public Path crlFile() {
		return this.crlFile;
	}

	/**
	 * Return the client certificates of the test CA, for the special ones: expired, not
	 * yet valid, weak key, revoked.
	 * @return the client certificates
	 */
	public ClientCertificates certificates() {
		return this.pki.certificates();
	}

	/**
	 * Return the properties that make the files the application's mTLS bundle:
	 * {@code mtls.bundle}, {@code spring.ssl.bundle.pem.<bundle>.*},
	 * {@code mtls.revocation.crl} and {@code mtls.dev.enabled=false}.
	 * @return the properties
	 */
	public Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String property : this.pki.bundleProperties(this.bundle)) {
			int separator = property.indexOf('=');
			properties.put(property.substring(0, separator), property.substring(separator + 1));
		}
		properties.put("mtls.revocation.crl", "file:" + this.crlFile.toAbsolutePath());
		properties.put("mtls.dev.enabled", "false");
		return Collections.unmodifiableMap(properties);
	}

	private void writeCrl() {
		synchronized (this.revoked) {
			CrlBuilder crl = authority().crl().number(++this.crlNumber);
			this.revoked.forEach(crl::revoke);
			Path temporary = this.crlFile.resolveSibling(this.crlFile.getFileName() + ".tmp");
			try {
				Files.move(Pem.write(temporary, Pem.crl(crl.issue())), this.crlFile, StandardCopyOption.ATOMIC_MOVE,
						StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Unable to write the test CA's revocation list", ex);
			}
		}
	}

	void deleteFilesQuietly() {
		try {
			FileSystemUtils.deleteRecursively(directory());
		}
		catch (IOException ex) {
			// A temporary directory: the operating system cleans up what is left
		}
	}

	@Override
	public String toString() {
		return "MtlsTestPki[bundle '" + this.bundle + "', identity " + this.identity + ", " + directory() + "]";
	}

}
