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

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the certificate policy for peers and for this service's own
 * certificate ({@code mtls.policy.*}). Stricter than the JDK by default.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
@ConfigurationProperties("mtls.policy")
public class MtlsPolicyProperties {

	/**
	 * Whether to refuse a CA certificate (basicConstraints CA:true) used as a leaf.
	 */
	private boolean refuseCaAsLeaf = true;

	/**
	 * Whether a leaf's extended key usage, when present, must allow its role (clientAuth
	 * for clients, serverAuth for servers).
	 */
	private boolean checkExtendedKeyUsage = true;

	/**
	 * Minimum size in bits of RSA (and DSA) keys in a chain.
	 */
	private int minRsaKeySize = 2048;

	/**
	 * Minimum size in bits of elliptic curve keys in a chain.
	 */
	private int minEcKeySize = 256;

	/**
	 * Comma-separated list of digests that must not sign any certificate below the trust
	 * anchor.
	 */
	private List<String> forbiddenSignatureDigests = new ArrayList<>(List.of("MD2", "MD5", "SHA1"));

	/**
	 * Maximum number of certificates a peer may present (leaf and intermediates).
	 */
	private int maxChainLength = 5;

	/**
	 * Whether this service's own certificate must be issued by one of the bundle's trust
	 * anchors (services of one mesh share an authority). Turn it off when the service
	 * presents a certificate of another authority than the one that issues its peers.
	 */
	private boolean ownCertificateTrusted = true;

	public boolean isRefuseCaAsLeaf() {
		return this.refuseCaAsLeaf;
	}

	public void setRefuseCaAsLeaf(boolean refuseCaAsLeaf) {
		this.refuseCaAsLeaf = refuseCaAsLeaf;
	}

	public boolean isCheckExtendedKeyUsage() {
		return this.checkExtendedKeyUsage;
	}

	public void setCheckExtendedKeyUsage(boolean checkExtendedKeyUsage) {
		this.checkExtendedKeyUsage = checkExtendedKeyUsage;
	}

	public int getMinRsaKeySize() {
		return this.minRsaKeySize;
	}

	public void setMinRsaKeySize(int minRsaKeySize) {
		this.minRsaKeySize = minRsaKeySize;
	}

	public int getMinEcKeySize() {
		return this.minEcKeySize;
	}

	public void setMinEcKeySize(int minEcKeySize) {
		this.minEcKeySize = minEcKeySize;
	}

	public List<String> getForbiddenSignatureDigests() {
		return this.forbiddenSignatureDigests;
	}

	public void setForbiddenSignatureDigests(List<String> forbiddenSignatureDigests) {
		this.forbiddenSignatureDigests = forbiddenSignatureDigests;
	}

	public int getMaxChainLength() {
		return this.maxChainLength;
	}

	public void setMaxChainLength(int maxChainLength) {
		this.maxChainLength = maxChainLength;
	}

	public boolean isOwnCertificateTrusted() {
		return this.ownCertificateTrusted;
	}

	public void setOwnCertificateTrusted(boolean ownCertificateTrusted) {
		this.ownCertificateTrusted = ownCertificateTrusted;
	}

}
