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

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

import org.springframework.boot.ssl.SslBundle;

/**
 * A snapshot of material together with everything derived from it once: the key manager,
 * the trust manager (policy, PKIX, revocation) and the Spring Boot bundle it was loaded
 * from. Handshakes read one volatile reference to this object and nothing else.
 *
 * @param material the certificate material
 * @param keyManager the key manager over the material's key and chain
 * @param trustManager the trust manager over the material's trust anchors and CRLs
 * @param source the Spring Boot bundle the material was loaded from
 * @author mtls-spring-boot authors
 */
record ActiveMaterial(CertificateMaterial material, X509ExtendedKeyManager keyManager,
		X509ExtendedTrustManager trustManager, SslBundle source) {

	static ActiveMaterial of(CertificateMaterial material, SslBundle source, Verification verification) {
		X509ExtendedTrustManager trustManager = new PolicyTrustManager(pkix(material), material.trustAnchors(),
				verification.policy(), new Revocation(material.crls(), verification.allowStaleCrls()),
				verification.clock(), verification.listener());
		return new ActiveMaterial(material, new MaterialKeyManager(material), trustManager, source);
	}

	private static X509ExtendedTrustManager pkix(CertificateMaterial material) {
		try {
			KeyStore trustStore = KeyStore.getInstance("PKCS12");
			trustStore.load(null, null);
			int index = 0;
			for (X509Certificate anchor : material.trustAnchors()) {
				trustStore.setCertificateEntry("anchor-" + index++, anchor);
			}
			TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
			factory.init(trustStore);
			for (TrustManager trustManager : factory.getTrustManagers()) {
				if (trustManager instanceof X509ExtendedTrustManager extended) {
					return extended;
				}
			}
			throw new IllegalStateException("The PKIX trust manager factory returned no X509ExtendedTrustManager");
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(
					"Unable to create a trust manager for bundle '%s'".formatted(material.bundleName()), ex);
		}
	}

	/**
	 * How peers are verified: the policy, the stale CRL policy, the clock and who hears
	 * about outcomes.
	 *
	 * @param policy the certificate policy
	 * @param allowStaleCrls whether CRLs past their next update are still used
	 * @param clock the clock
	 * @param listener the listener of outcomes
	 */
	record Verification(PeerPolicy policy, boolean allowStaleCrls, Clock clock, PeerVerificationListener listener) {
	}

}
