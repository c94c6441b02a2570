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

import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import org.springframework.util.Assert;

/**
 * An immutable snapshot of one bundle's key material: the private key, the certificate
 * chain presented with it (leaf first) and the trust anchors that verify peers. A new
 * snapshot replaces the old one as a whole; nothing in it ever changes.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class CertificateMaterial {

	private final String bundleName;

	private final PrivateKey privateKey;

	private final List<X509Certificate> chain;

	private final List<X509Certificate> trustAnchors;

	private final List<X509CRL> crls;

	private final Instant loadedAt;

	CertificateMaterial(String bundleName, PrivateKey privateKey, List<X509Certificate> chain,
			List<X509Certificate> trustAnchors, List<X509CRL> crls, Instant loadedAt) {
		Assert.hasText(bundleName, "'bundleName' must not be empty");
		Assert.notNull(privateKey, "'privateKey' must not be null");
		Assert.notEmpty(chain, "'chain' must not be empty");
		Assert.notNull(trustAnchors, "'trustAnchors' must not be null");
		this.bundleName = bundleName;
		this.privateKey = privateKey;
		this.chain = List.copyOf(chain);
		this.trustAnchors = List.copyOf(trustAnchors);
		this.crls = List.copyOf(crls);
		this.loadedAt = loadedAt;
	}

	/**
	 * Return the name of the SSL bundle this material was loaded from.
	 * @return the bundle name
	 */
	public String bundleName() {
		return this.bundleName;
	}

	/**
	 * Return the private key that matches {@link #leaf()}.
	 * @return the private key
	 */
	public PrivateKey privateKey() {
		return this.privateKey;
	}

	/**
	 * Return the certificate chain presented to peers, leaf first.
	 * @return the chain
	 */
	public List<X509Certificate> chain() {
		return this.chain;
	}

	/**
	 * Return the certificate this service presents.
	 * @return the leaf certificate
	 */
	public X509Certificate leaf() {
		return this.chain.get(0);
	}

	/**
	 * Return the certificates that verify peers.
	 * @return the trust anchors
	 */
	public List<X509Certificate> trustAnchors() {
		return this.trustAnchors;
	}

	/**
	 * Return the certificate revocation lists that peers are checked against.
	 * @return the CRLs
	 */
	public List<X509CRL> crls() {
		return this.crls;
	}

	/**
	 * Return when this material was loaded.
	 * @return the load time
	 */
	public Instant loadedAt() {
		return this.loadedAt;
	}

	@Override
	public String toString() {
		return "CertificateMaterial[bundle=%s, subject=%s, serial=%s, notAfter=%s, trustAnchors=%d]".formatted(
				this.bundleName, leaf().getSubjectX500Principal().getName(), leaf().getSerialNumber().toString(16),
				leaf().getNotAfter().toInstant(), this.trustAnchors.size());
	}

}
