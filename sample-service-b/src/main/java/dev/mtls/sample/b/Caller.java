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
package dev.mtls.sample.b;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What this service knows about the caller of the current request, from the client
 * certificate that the mTLS handshake verified.
 *
 * @param principal the caller's name: its SPIFFE ID, else its common name
 * @param spiffeId the SPIFFE ID (URI SAN) or {@code null}
 * @param commonName the common name of the subject or {@code null}
 * @param serial the certificate serial number in hexadecimal
 * @author mtls-spring-boot authors
 */
record Caller(String principal, String spiffeId, String commonName, String serial) {

	static Caller of(HttpServletRequest request) {
		Object chain = request.getAttribute("jakarta.servlet.request.X509Certificate");
		if (!(chain instanceof X509Certificate[] certificates) || certificates.length == 0) {
			return new Caller("anonymous", null, null, null);
		}
		X509Certificate certificate = certificates[0];
		String spiffeId = spiffeId(certificate);
		String commonName = commonName(certificate.getSubjectX500Principal());
		return new Caller((spiffeId != null) ? spiffeId : commonName, spiffeId, commonName,
				certificate.getSerialNumber().toString(16));
	}

	private static String spiffeId(X509Certificate certificate) {
		try {
			Collection<List<?>> names = certificate.getSubjectAlternativeNames();
			if (names != null) {
				for (List<?> name : names) {
					if (Integer.valueOf(6).equals(name.get(0)) && name.get(1) instanceof String uri
							&& uri.startsWith("spiffe://")) {
						return uri;
					}
				}
			}
			return null;
		}
		catch (CertificateParsingException ex) {
			return null;
		}
	}

	private static String commonName(X500Principal subject) {
		try {
			for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
				if ("CN".equalsIgnoreCase(rdn.getType())) {
					return rdn.getValue().toString();
				}
			}
			return null;
		}
		catch (InvalidNameException ex) {
			return null;
		}
	}

}
