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
import java.security.cert.X509CRL;
import java.time.Duration;

import org.bouncycastle.asn1.x500.X500Name;
import org.jspecify.annotations.Nullable;

/**
 * Client certificates of one {@link CertificateAuthority} for identities written as
 * strings (see {@link CertificateBuilder#identity(String)}), including the special ones
 * that a service must refuse: expired, not yet valid, weak key, revoked, and issued by an
 * untrusted authority.
 *
 * <pre class="code">
 * ClientCertificates certificates = ClientCertificates.issuedBy(pki.authority());
 * Credential orders = certificates.issue("spiffe://example.org/orders");
 * Credential expired = certificates.expired("spiffe://example.org/orders");
 * ClientCertificates.Revoked revoked = certificates.revoked("spiffe://example.org/orders", directory.resolve("ca.crl"));
 * </pre>
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class ClientCertificates {

	private final CertificateAuthority authority;

	private @Nullable CertificateAuthority impostor;

	private ClientCertificates(CertificateAuthority authority) {
		this.authority = authority;
	}

	/**
	 * Return the client certificates of an authority.
	 * @param authority the authority that signs them
	 * @return the client certificates
	 */
	public static ClientCertificates issuedBy(CertificateAuthority authority) {
		return new ClientCertificates(authority);
	}

	/**
	 * Return the authority that signs these certificates.
	 * @return the authority
	 */
	public CertificateAuthority authority() {
		return this.authority;
	}

	/**
	 * Return a builder for a client certificate ({@code clientAuth}) with an identity,
	 * for anything the other methods do not cover.
	 * @param identity the identity, for example {@code spiffe://example.org/orders}
	 * @return the builder
	 */
	public CertificateBuilder builder(String identity) {
		return this.authority.certificate().identity(identity).clientAuth();
	}

	/**
	 * Issue a valid client certificate.
	 * @param identity the identity
	 * @return the credential
	 */
	public Credential issue(String identity) {
		return builder(identity).issue();
	}

	/**
	 * Issue a client certificate whose validity ended yesterday.
	 * @param identity the identity
	 * @return the credential
	 */
	public Credential expired(String identity) {
		return builder(identity).expired().issue();
	}

	/**
	 * Issue a client certificate that only becomes valid tomorrow.
	 * @param identity the identity
	 * @return the credential
	 */
	public Credential notYetValid(String identity) {
		return builder(identity).notYetValid().issue();
	}

	/**
	 * Issue a client certificate with a weak key (RSA with a 1024-bit modulus).
	 * @param identity the identity
	 * @return the credential
	 */
	public Credential weakKey(String identity) {
		return builder(identity).keyType(KeyType.RSA_1024).issue();
	}

	/**
	 * Issue a client certificate and revoke it at once: the authority's revocation list,
	 * naming its serial number, is written as PEM to the given file.
	 * @param identity the identity
	 * @param crlFile the file to write the revocation list to
	 * @return the credential and its revocation list
	 */
	public Revoked revoked(String identity, Path crlFile) {
		Credential credential = issue(identity);
		X509CRL crl = this.authority.revoke(credential.serial());
		return new Revoked(credential, crl, Pem.write(crlFile, Pem.crl(crl)));
	}

	/**
	 * Issue a client certificate for the identity from an impostor: a root authority with
	 * the same distinguished name as this authority's root but its own key, which
	 * services that trust this authority must refuse. The impostor is created once per
	 * instance.
	 * @param identity the identity
	 * @return the credential
	 */
	public synchronized Credential untrusted(String identity) {
		if (this.impostor == null) {
			X500Name name = X500Name
				.getInstance(this.authority.rootCertificate().getSubjectX500Principal().getEncoded());
			this.impostor = CertificateAuthority
				.root(CertificateAuthority.selfSigned().subject(name).validFor(Duration.ofDays(365)), KeyType.EC_P256);
		}
		return this.impostor.certificate().identity(identity).clientAuth().issue();
	}

	/**
	 * A revoked client certificate and the revocation list that revokes it.
	 *
	 * @param credential the revoked credential
	 * @param crl the revocation list
	 * @param crlFile the PEM file holding the revocation list
	 */
	public record Revoked(Credential credential, X509CRL crl, Path crlFile) {

		/**
		 * Return the revocation list file as a Spring resource location.
		 * @return the {@code file:} location
		 */
		public String crlLocation() {
			return "file:" + this.crlFile.toAbsolutePath();
		}

	}

}
