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
package dev.mtls.boot.metrics;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.security.auth.x500.X500Principal;

/**
 * Describes certificates and revocation lists with public information only (never key
 * material), for the health details and the Actuator endpoint.
 *
 * @author mtls-spring-boot authors
 */
final class CertificateDescriptions {

	private static final String[] SAN_TYPES = { "other", "email", "dns", "x400", "directory", "edi", "uri", "ip",
			"registered-id" };

	private CertificateDescriptions() {
	}

	static Map<String, Object> certificate(X509Certificate certificate) {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("subject", certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
		description.put("issuer", certificate.getIssuerX500Principal().getName(X500Principal.RFC2253));
		description.put("serial", certificate.getSerialNumber().toString(16));
		description.put("fingerprintSha256", fingerprint(certificate));
		description.put("notBefore", certificate.getNotBefore().toInstant().toString());
		description.put("notAfter", certificate.getNotAfter().toInstant().toString());
		List<String> names = subjectAlternativeNames(certificate);
		description.put("subjectAlternativeNames", names);
		names.stream()
			.filter((name) -> name.startsWith("uri:spiffe://"))
			.findFirst()
			.ifPresent((name) -> description.put("spiffeId", name.substring(4)));
		return description;
	}

	static List<Map<String, Object>> certificates(List<X509Certificate> certificates) {
		return certificates.stream().map(CertificateDescriptions::certificate).toList();
	}

	static Map<String, Object> crl(X509CRL crl) {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("issuer", crl.getIssuerX500Principal().getName(X500Principal.RFC2253));
		description.put("thisUpdate", crl.getThisUpdate().toInstant().toString());
		description.put("nextUpdate",
				(crl.getNextUpdate() != null) ? crl.getNextUpdate().toInstant().toString() : null);
		description.put("revoked", (crl.getRevokedCertificates() != null) ? crl.getRevokedCertificates().size() : 0);
		return description;
	}

	private static List<String> subjectAlternativeNames(X509Certificate certificate) {
		List<String> names = new ArrayList<>();
		try {
			Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
			if (entries != null) {
				for (List<?> entry : entries) {
					if (entry.get(0) instanceof Integer type && entry.get(1) instanceof String value) {
						names.add(((type >= 0 && type < SAN_TYPES.length) ? SAN_TYPES[type] : "other") + ":" + value);
					}
				}
			}
		}
		catch (CertificateParsingException ex) {
			names.add("unparseable");
		}
		return names;
	}

	private static String fingerprint(X509Certificate certificate) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
		}
		catch (NoSuchAlgorithmException | CertificateEncodingException ex) {
			return "unavailable";
		}
	}

}
