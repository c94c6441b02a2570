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

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A ready-made PKI for one test: a root authority, a server certificate for
 * {@code localhost}, {@code 127.0.0.1} and {@code ::1}, written as PEM files into a
 * directory, and the Spring Boot properties that describe them as an SSL bundle.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class TestPki {

	/**
	 * The SPIFFE ID of the server certificate.
	 */
	public static final String SERVER_ID = "spiffe://example.org/server";

	private final Path directory;

	private final CertificateAuthority authority;

	private final Credential server;

	private final Path trustFile;

	private final Credential.PemFiles serverFiles;

	private final ClientCertificates certificates;

	private TestPki(Path directory, CertificateAuthority authority, Credential server) {
		this.directory = directory;
		this.authority = authority;
		this.certificates = ClientCertificates.issuedBy(authority);
		this.server = server;
		this.trustFile = authority.writeCertificate(directory.resolve("ca.crt"));
		this.serverFiles = server.writePem(directory, "server");
	}

	/**
	 * Create a PKI whose files live in the given directory.
	 * @param directory the directory, usually a {@code @TempDir}
	 * @return the PKI
	 */
	public static TestPki create(Path directory) {
		CertificateAuthority authority = CertificateAuthority.root("Test Root CA");
		Credential server = authority.certificate()
			.commonName("localhost")
			.uri(SERVER_ID)
			.dns("localhost")
			.ip("127.0.0.1", "::1")
			.serverAuth()
			.clientAuth()
			.issue();
		return new TestPki(directory, authority, server);
	}

	/**
	 * Create a PKI whose files live in the given directory and whose server certificate
	 * carries the given identity besides {@code localhost}, {@code 127.0.0.1} and
	 * {@code ::1}.
	 * @param directory the directory, usually a {@code @TempDir}
	 * @param serverIdentity the identity of the server certificate, in any form
	 * {@link CertificateBuilder#identity(String)} accepts, for example
	 * {@code spiffe://example.org/orders}
	 * @return the PKI
	 */
	public static TestPki create(Path directory, String serverIdentity) {
		CertificateAuthority authority = CertificateAuthority.root("Test Root CA");
		CertificateBuilder server = authority.certificate().identity(serverIdentity);
		if (!"dns:localhost".equals(serverIdentity)) {
			server.dns("localhost");
		}
		return new TestPki(directory, authority, server.ip("127.0.0.1", "::1").serverAuth().clientAuth().issue());
	}

	/**
	 * Return the root authority.
	 * @return the authority
	 */
	public CertificateAuthority authority() {
		return this.authority;
	}

	/**
	 * Return the root certificate peers trust.
	 * @return the root certificate
	 */
	public X509Certificate rootCertificate() {
		return this.authority.certificateOfAuthority();
	}

	/**
	 * Return the server credential.
	 * @return the server credential
	 */
	public Credential server() {
		return this.server;
	}

	/**
	 * Return the directory holding the files.
	 * @return the directory
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * Return the PEM file of the root certificate.
	 * @return the trust file
	 */
	public Path trustFile() {
		return this.trustFile;
	}

	/**
	 * Return the PEM files of the server credential.
	 * @return the server files
	 */
	public Credential.PemFiles serverFiles() {
		return this.serverFiles;
	}

	/**
	 * Issue a client certificate (clientAuth) with an identity and a common name.
	 * @param identity the identity, for example {@code spiffe://example.org/orders} (see
	 * {@link CertificateBuilder#identity(String)} for the other forms)
	 * @return the client credential
	 */
	public Credential client(String identity) {
		return certificates().issue(identity);
	}

	/**
	 * Return the client certificates of the root authority, including the special ones
	 * (expired, not yet valid, weak key, revoked, untrusted).
	 * @return the client certificates
	 */
	public ClientCertificates certificates() {
		return this.certificates;
	}

	/**
	 * Return the properties that make the server files the PEM bundle with the given name
	 * and select it with {@code mtls.bundle}.
	 * @param bundle the bundle name
	 * @return the properties as {@code key=value} strings
	 */
	public String[] bundleProperties(String bundle) {
		return bundleProperties(bundle, this.serverFiles, this.trustFile);
	}

	/**
	 * Return the properties that describe some files as the PEM bundle with the given
	 * name and select it with {@code mtls.bundle}.
	 * @param bundle the bundle name
	 * @param files the certificate and key files
	 * @param trust the trust file
	 * @return the properties as {@code key=value} strings
	 */
	public static String[] bundleProperties(String bundle, Credential.PemFiles files, Path trust) {
		String prefix = "spring.ssl.bundle.pem." + bundle + ".";
		List<String> properties = new ArrayList<>();
		properties.add("mtls.bundle=" + bundle);
		properties.add(prefix + "keystore.certificate=" + files.certificateLocation());
		properties.add(prefix + "keystore.private-key=" + files.privateKeyLocation());
		properties.add(prefix + "truststore.certificate=file:" + trust.toAbsolutePath());
		return properties.toArray(new String[0]);
	}

}
