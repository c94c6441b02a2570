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

import java.security.PublicKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * The certificate policy for peers, stricter than the JDK's: the chain is not too long,
 * the leaf is valid now, is not a CA certificate and (when it names extended key usages)
 * may act in its role; keys are large enough and no certificate below the trust anchor is
 * signed with a forbidden digest. It applies to this service's own certificate too.
 *
 * @author mtls-spring-boot authors
 */
final class PeerPolicy {

	static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

	static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

	private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

	private final boolean refuseCaAsLeaf;

	private final boolean checkExtendedKeyUsage;

	private final int minRsaKeySize;

	private final int minEcKeySize;

	private final List<String> forbiddenDigests;

	private final int maxChainLength;

	PeerPolicy(MtlsPolicyProperties properties) {
		this.refuseCaAsLeaf = properties.isRefuseCaAsLeaf();
		this.checkExtendedKeyUsage = properties.isCheckExtendedKeyUsage();
		this.minRsaKeySize = properties.getMinRsaKeySize();
		this.minEcKeySize = properties.getMinEcKeySize();
		this.forbiddenDigests = properties.getForbiddenSignatureDigests()
			.stream()
			.map((digest) -> digest.toUpperCase(Locale.ROOT).replace("-", ""))
			.toList();
		this.maxChainLength = properties.getMaxChainLength();
	}

	/**
	 * Check a chain a peer presented, before path validation.
	 * @param chain the chain, leaf first
	 * @param anchors the trust anchors (not checked for algorithms)
	 * @param usage the extended key usage the leaf's role needs
	 * @param now the time of the check
	 * @throws PeerRejectedException if the chain violates the policy
	 */
	void check(X509Certificate[] chain, List<X509Certificate> anchors, String usage, Date now)
			throws PeerRejectedException {
		if (chain.length == 0) {
			throw new PeerRejectedException(PeerRejection.NO_CERTIFICATE, "The peer presented no certificate", null);
		}
		if (chain.length > this.maxChainLength) {
			throw new PeerRejectedException(PeerRejection.CHAIN_TOO_LONG,
					"The peer presented %d certificates; at most %d are allowed (mtls.policy.max-chain-length)"
						.formatted(chain.length, this.maxChainLength),
					null);
		}
		X509Certificate leaf = chain[0];
		checkValidity(leaf, now);
		checkLeafUsage(leaf, usage);
		for (X509Certificate certificate : chain) {
			if (!anchors.contains(certificate)) {
				checkStrength(certificate);
			}
		}
	}

	private static void checkValidity(X509Certificate leaf, Date now) throws PeerRejectedException {
		try {
			leaf.checkValidity(now);
		}
		catch (CertificateExpiredException ex) {
			throw new PeerRejectedException(PeerRejection.EXPIRED,
					"Certificate '%s' expired at %s".formatted(subject(leaf), leaf.getNotAfter().toInstant()), ex);
		}
		catch (CertificateNotYetValidException ex) {
			throw new PeerRejectedException(PeerRejection.NOT_YET_VALID,
					"Certificate '%s' is not valid before %s".formatted(subject(leaf), leaf.getNotBefore().toInstant()),
					ex);
		}
	}

	void checkLeafUsage(X509Certificate leaf, String usage) throws PeerRejectedException {
		if (this.refuseCaAsLeaf && leaf.getBasicConstraints() >= 0) {
			throw new PeerRejectedException(PeerRejection.WRONG_KEY_USAGE,
					"Certificate '%s' is a CA certificate (basicConstraints CA:true) used as a leaf (mtls.policy.refuse-ca-as-leaf)"
						.formatted(subject(leaf)),
					null);
		}
		if (!this.checkExtendedKeyUsage) {
			return;
		}
		List<String> usages;
		try {
			usages = leaf.getExtendedKeyUsage();
		}
		catch (CertificateParsingException ex) {
			throw new PeerRejectedException(PeerRejection.WRONG_KEY_USAGE,
					"The extended key usage of certificate '%s' cannot be parsed".formatted(subject(leaf)), ex);
		}
		if (usages != null && !usages.contains(usage) && !usages.contains(ANY_EXTENDED_KEY_USAGE)) {
			throw new PeerRejectedException(PeerRejection.WRONG_KEY_USAGE,
					"The extended key usage of certificate '%s' does not allow %s (mtls.policy.check-extended-key-usage)"
						.formatted(subject(leaf), usage.equals(CLIENT_AUTH) ? "clientAuth" : "serverAuth"),
					null);
		}
	}

	void checkStrength(X509Certificate certificate) throws PeerRejectedException {
		String algorithm = certificate.getSigAlgName().toUpperCase(Locale.ROOT).replace("-", "");
		for (String digest : this.forbiddenDigests) {
			if (algorithm.startsWith(digest + "WITH")) {
				throw new PeerRejectedException(PeerRejection.WEAK_KEY_OR_ALGORITHM,
						"Certificate '%s' is signed with %s (mtls.policy.forbidden-signature-digests)"
							.formatted(subject(certificate), certificate.getSigAlgName()),
						null);
			}
		}
		PublicKey key = certificate.getPublicKey();
		int size = keySize(key);
		int minimum = minimumSize(key);
		if (size < minimum) {
			throw new PeerRejectedException(PeerRejection.WEAK_KEY_OR_ALGORITHM,
					"Certificate '%s' has a %d-bit %s key; at least %d bits are required (mtls.policy.min-%s-key-size)"
						.formatted(subject(certificate), size, key.getAlgorithm(), minimum,
								(key instanceof ECKey) ? "ec" : "rsa"),
					null);
		}
	}

	private int minimumSize(PublicKey key) {
		if (key instanceof RSAKey || key instanceof DSAKey) {
			return this.minRsaKeySize;
		}
		if (key instanceof ECKey) {
			return this.minEcKeySize;
		}
		return 0;
	}

	private static int keySize(PublicKey key) {
		if (key instanceof RSAKey rsa) {
			return rsa.getModulus().bitLength();
		}
		if (key instanceof ECKey ec) {
			return ec.getParams().getCurve().getField().getFieldSize();
		}
		if (key instanceof DSAKey dsa && dsa.getParams() != null) {
			return dsa.getParams().getP().bitLength();
		}
		return Integer.MAX_VALUE;
	}

	static boolean allows(Collection<String> usages, String usage) {
		return usages.contains(usage) || usages.contains(ANY_EXTENDED_KEY_USAGE);
	}

	static String subject(X509Certificate certificate) {
		return certificate.getSubjectX500Principal().getName();
	}

}
