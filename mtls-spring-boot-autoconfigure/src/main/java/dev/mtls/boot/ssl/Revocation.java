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

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.security.auth.x500.X500Principal;

/**
 * Checks chains against certificate revocation lists whose signatures were verified when
 * they were loaded. Each certificate is looked up in the CRL of its issuer; a CRL past
 * its next update refuses peers unless stale CRLs are allowed. Issuers without a CRL are
 * not checked.
 *
 * @author mtls-spring-boot authors
 */
final class Revocation {

	static final Revocation NONE = new Revocation(List.of(), false);

	private final Map<X500Principal, X509CRL> byIssuer = new HashMap<>();

	private final boolean allowStale;

	Revocation(List<X509CRL> crls, boolean allowStale) {
		for (X509CRL crl : crls) {
			X509CRL existing = this.byIssuer.get(crl.getIssuerX500Principal());
			if (existing == null || crl.getThisUpdate().after(existing.getThisUpdate())) {
				this.byIssuer.put(crl.getIssuerX500Principal(), crl);
			}
		}
		this.allowStale = allowStale;
	}

	void check(X509Certificate[] chain, Date now) throws PeerRejectedException {
		if (this.byIssuer.isEmpty()) {
			return;
		}
		for (X509Certificate certificate : chain) {
			X509CRL crl = this.byIssuer.get(certificate.getIssuerX500Principal());
			if (crl == null) {
				continue;
			}
			if (!this.allowStale && crl.getNextUpdate() != null && now.after(crl.getNextUpdate())) {
				throw new PeerRejectedException(PeerRejection.REVOCATION_UNKNOWN,
						"The CRL of '%s' is past its next update (%s), so the revocation status of '%s' is unknown (mtls.revocation.stale-crl=fail)"
							.formatted(crl.getIssuerX500Principal().getName(), crl.getNextUpdate().toInstant(),
									PeerPolicy.subject(certificate)),
						null);
			}
			if (crl.isRevoked(certificate)) {
				throw new PeerRejectedException(PeerRejection.REVOKED,
						"Certificate '%s' (serial %s) is revoked by the CRL of '%s'".formatted(
								PeerPolicy.subject(certificate), certificate.getSerialNumber().toString(16),
								crl.getIssuerX500Principal().getName()),
						null);
			}
		}
	}

}
