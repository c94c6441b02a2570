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

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Checks that {@link CertificateMaterial} is fit for mutual TLS: the key matches the
 * leaf, the leaf is valid now, trust anchors exist, and a chain that claims a trusted
 * issuer verifies against it.
 *
 * @author mtls-spring-boot authors
 */
final class MaterialValidator {

	private static final byte[] PROBE = "mtls-spring-boot key match probe".getBytes();

	private final Clock clock;

	private final PeerPolicy policy;

	private final MaterialSettings settings;

	MaterialValidator(Clock clock, PeerPolicy policy, MaterialSettings settings) {
		this.clock = clock;
		this.policy = policy;
		this.settings = settings;
	}

	void validate(CertificateMaterial material, BundleDescription description) {
		validate(material, description, this.settings.policy().isOwnCertificateTrusted());
	}

	/**
	 * Validate reloaded material: as at startup, and it must chain to its trust anchors
	 * if the material at startup did.
	 * @param material the material
	 * @param description where the material is configured
	 * @param startupChained whether the startup material chained to its anchors
	 */
	void validateReload(CertificateMaterial material, BundleDescription description, boolean startupChained) {
		validate(material, description, startupChained || this.settings.policy().isOwnCertificateTrusted());
	}

	/**
	 * Validate material.
	 * @param material the material
	 * @param description where the material is configured
	 * @param requireTrustedChain whether the leaf must chain to one of the material's own
	 * trust anchors (reloads of material that did at startup)
	 */
	void validate(CertificateMaterial material, BundleDescription description, boolean requireTrustedChain) {
		checkKeyMatches(material, description);
		checkValidity(material.leaf(), description);
		checkTrustAnchors(material, description);
		checkPolicy(material, description);
		if (requireTrustedChain && !issuedByTrustAnchor(material)) {
			throw new MtlsBundleException(description.name(), MtlsBundleException.Reason.CHAIN_NOT_TRUSTED,
					description.certificateProperty(),
					"The certificate of SSL bundle '%s' (%s, subject '%s', issuer '%s') is not issued by any of the bundle's trust anchors (%s), so its peers, which share those anchors, would refuse it."
						.formatted(description.name(), description.certificate(), subject(material.leaf()),
								material.leaf().getIssuerX500Principal().getName(), description.trust()),
					"Point %s at a certificate issued by one of the authorities in %s (include intermediates after the leaf), add its authority to %s, or set mtls.policy.own-certificate-trusted=false if this service deliberately presents a certificate of another authority."
						.formatted(description.certificateProperty(), description.trustProperty(),
								description.trustProperty()),
					null);
		}
		checkChain(material, description);
		checkCrls(material, description);
	}

	private void checkPolicy(CertificateMaterial material, BundleDescription description) {
		try {
			if (this.settings.server()) {
				this.policy.checkLeafUsage(material.leaf(), PeerPolicy.SERVER_AUTH);
			}
			if (this.settings.client()) {
				this.policy.checkLeafUsage(material.leaf(), PeerPolicy.CLIENT_AUTH);
			}
			for (X509Certificate certificate : material.chain()) {
				if (!material.trustAnchors().contains(certificate)) {
					this.policy.checkStrength(certificate);
				}
			}
		}
		catch (PeerRejectedException ex) {
			throw new MtlsBundleException(description.name(), MtlsBundleException.Reason.POLICY_VIOLATION,
					description.certificateProperty(),
					"The certificate of SSL bundle '%s' (%s) violates the certificate policy that its peers apply, so they would refuse it: %s."
						.formatted(description.name(), description.certificate(), ex.getMessage()),
					"Issue a certificate that complies (not a CA certificate, extended key usage with %s, RSA >= 2048 or EC >= P-256 keys, SHA-256 or stronger signatures), or relax the named mtls.policy.* property."
						.formatted(usages()),
					ex);
		}
	}

	private String usages() {
		if (this.settings.server() && this.settings.client()) {
			return "serverAuth and clientAuth";
		}
		return this.settings.server() ? "serverAuth" : "clientAuth";
	}

	private void checkCrls(CertificateMaterial material, BundleDescription description) {
		for (X509CRL crl : material.crls()) {
			X509Certificate issuer = findIssuer(crl, material);
			String action = "Add the certificate of the CRL's issuer to %s, or remove the CRL from mtls.revocation.crl."
				.formatted(description.trustProperty());
			if (issuer == null) {
				throw new MtlsBundleException(description.name(), MtlsBundleException.Reason.CRL_INVALID,
						"mtls.revocation.crl",
						"The certificate revocation list of '%s' (mtls.revocation.crl) is not issued by any of the trust anchors of SSL bundle '%s' (%s)."
							.formatted(crl.getIssuerX500Principal().getName(), description.name(), description.trust()),
						action, null);
			}
			try {
				crl.verify(issuer.getPublicKey());
			}
			catch (GeneralSecurityException ex) {
				throw new MtlsBundleException(description.name(), MtlsBundleException.Reason.CRL_INVALID,
						"mtls.revocation.crl",
						"The signature of the certificate revocation list of '%s' (mtls.revocation.crl) does not verify with the key of that trust anchor: %s"
							.formatted(crl.getIssuerX500Principal().getName(), MaterialLoader.rootMessage(ex)),
						action, ex);
			}
		}
	}

	private static @Nullable X509Certificate findIssuer(X509CRL crl, CertificateMaterial material) {
		for (X509Certificate candidate : material.trustAnchors()) {
			if (candidate.getSubjectX500Principal().equals(crl.getIssuerX500Principal())) {
				return candidate;
			}
		}
		for (X509Certificate candidate : material.chain()) {
			if (candidate.getSubjectX500Principal().equals(crl.getIssuerX500Principal())) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Return whether the top of the material's chain is issued by (or is) one of its
	 * trust anchors.
	 * @param material the material
	 * @return whether the chain names a trust anchor
	 */
	static boolean issuedByTrustAnchor(CertificateMaterial material) {
		List<X509Certificate> path = withoutAnchors(material.chain(), material.trustAnchors());
		return path.isEmpty() || issuedByAnchor(path.get(path.size() - 1), material.trustAnchors());
	}

	private void checkKeyMatches(CertificateMaterial material, BundleDescription description) {
		if (!matches(material.privateKey(), material.leaf().getPublicKey())) {
			throw new MtlsBundleException(description.name(), MtlsBundleException.Reason.KEY_MISMATCH,
					description.privateKeyProperty(),
					"The private key of SSL bundle '%s' (%s) does not belong to its certificate (%s, subject '%s', serial %s)."
						.formatted(description.name(), description.privateKey(), description.certificate(),
								subject(material.leaf()), serial(material.leaf())),
					"Point %s at the private key that was issued together with the certificate in %s; both files must come from the same issuance."
						.formatted(description.privateKeyProperty(), description.certificateProperty()),
					null);
		}
	}

	private void checkValidity(X509Certificate leaf, BundleDescription description) {
		Instant now = this.clock.instant();
		Instant notAfter = leaf.getNotAfter().toInstant();
		Instant notBefore = leaf.getNotBefore().toInstant();
		if (now.isAfter(notAfter)) {
			throw new MtlsBundleException(description.name(), MtlsBundleException.Reason.EXPIRED,
					description.certificateProperty(),
					"The certificate of SSL bundle '%s' (%s, subject '%s', serial %s) expired at %s.".formatted(
							description.name(), description.certificate(), subject(leaf), serial(leaf), notAfter),
					"Renew the certificate and replace the file, or point %s at a valid certificate."
						.formatted(description.certificateProperty()),
					null);
		}
		if (now.isBefore(notBefore)) {
			throw new MtlsBundleException(description.name(), MtlsBundleException.Reason.NOT_YET_VALID,
					description.certificateProperty(),
					"The certificate of SSL bundle '%s' (%s, subject '%s', serial %s) is not valid before %s."
						.formatted(description.name(), description.certificate(), subject(leaf), serial(leaf),
								notBefore),
					"Check this machine's clock, or point %s at a certificate that is valid now."
						.formatted(description.certificateProperty()),
					null);
		}
	}

	private void checkTrustAnchors(CertificateMaterial material, BundleDescription description) {
		if (material.trustAnchors().isEmpty()) {
			throw new MtlsBundleException(description.name(), MtlsBundleException.Reason.NO_TRUST_ANCHORS,
					description.trustProperty(),
					"SSL bundle '%s' has no trust material (%s), so peers' certificates cannot be verified."
						.formatted(description.name(), description.trust()),
					"Set %s to the certificates of the authorities that issue your peers' certificates."
						.formatted(description.trustProperty()),
					null);
		}
	}

	private void checkChain(CertificateMaterial material, BundleDescription description) {
		List<X509Certificate> path = withoutAnchors(material.chain(), material.trustAnchors());
		if (path.isEmpty() || !issuedByAnchor(path.get(path.size() - 1), material.trustAnchors())) {
			return;
		}
		try {
			Set<TrustAnchor> anchors = new HashSet<>();
			for (X509Certificate anchor : material.trustAnchors()) {
				anchors.add(new TrustAnchor(anchor, null));
			}
			PKIXParameters parameters = new PKIXParameters(anchors);
			parameters.setRevocationEnabled(false);
			parameters.setDate(Date.from(this.clock.instant()));
			CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
			CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
		}
		catch (GeneralSecurityException ex) {
			throw new MtlsBundleException(description.name(), MtlsBundleException.Reason.CHAIN_NOT_TRUSTED,
					description.certificateProperty(),
					"The certificate of SSL bundle '%s' (%s, subject '%s') names issuer '%s' from the bundle's trust material (%s), but its chain does not verify: %s"
						.formatted(description.name(), description.certificate(), subject(material.leaf()),
								path.get(path.size() - 1).getIssuerX500Principal().getName(), description.trust(),
								MaterialLoader.rootMessage(ex)),
					"Include the intermediate certificates after the leaf in %s, or correct the authorities in %s."
						.formatted(description.certificateProperty(), description.trustProperty()),
					ex);
		}
	}

	private static List<X509Certificate> withoutAnchors(List<X509Certificate> chain, List<X509Certificate> anchors) {
		List<X509Certificate> path = new ArrayList<>(chain);
		path.removeIf(anchors::contains);
		return path;
	}

	private static boolean issuedByAnchor(X509Certificate certificate, List<X509Certificate> anchors) {
		for (X509Certificate anchor : anchors) {
			if (anchor.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
				return true;
			}
		}
		return false;
	}

	static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
		String algorithm = signatureAlgorithm(privateKey);
		if (algorithm == null) {
			return privateKey.getAlgorithm().equals(publicKey.getAlgorithm());
		}
		try {
			Signature signer = Signature.getInstance(algorithm);
			signer.initSign(privateKey);
			signer.update(PROBE);
			byte[] signature = signer.sign();
			Signature verifier = Signature.getInstance(algorithm);
			verifier.initVerify(publicKey);
			verifier.update(PROBE);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	private static @Nullable String signatureAlgorithm(PrivateKey privateKey) {
		return switch (privateKey.getAlgorithm()) {
			case "RSA" -> "SHA256withRSA";
			case "EC" -> "SHA256withECDSA";
			case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
			case "DSA" -> "SHA256withDSA";
			default -> null;
		};
	}

	static String subject(X509Certificate certificate) {
		return certificate.getSubjectX500Principal().getName();
	}

	static String serial(X509Certificate certificate) {
		return certificate.getSerialNumber().toString(16);
	}

}
