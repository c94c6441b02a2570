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
package dev.mtls.boot.security;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Who called: the identity in a verified client certificate, computed once per
 * certificate. Inject it with {@code @AuthenticationPrincipal ClientIdentity}.
 *
 * @param name the principal name, from the first of {@code mtls.identity.sources} that
 * yields one
 * @param source the source the name came from
 * @param spiffeId the SPIFFE ID (the URI SAN with scheme {@code spiffe}), or {@code null}
 * @param uris all URI subject alternative names
 * @param dnsNames all DNS subject alternative names
 * @param ipAddresses all IP address subject alternative names
 * @param emails all e-mail subject alternative names
 * @param subject the subject distinguished name (RFC 2253)
 * @param commonName the common name, taken structurally from the subject's RDNs, or
 * {@code null} if there is none or more than one
 * @param issuer the issuer distinguished name (RFC 2253)
 * @param serial the serial number in lowercase hexadecimal
 * @param fingerprint the SHA-256 fingerprint of the certificate in lowercase hexadecimal
 * @param notBefore the start of validity
 * @param notAfter the end of validity
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public record ClientIdentity(String name, IdentitySource source, @Nullable SpiffeId spiffeId, List<String> uris,
		List<String> dnsNames, List<String> ipAddresses, List<String> emails, String subject,
		@Nullable String commonName, String issuer, String serial, String fingerprint, Instant notBefore,
		Instant notAfter) implements Principal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	public ClientIdentity {
		uris = List.copyOf(uris);
		dnsNames = List.copyOf(dnsNames);
		ipAddresses = List.copyOf(ipAddresses);
		emails = List.copyOf(emails);
	}

	@Override
	public String getName() {
		return this.name;
	}

	/**
	 * Return the SPIFFE trust domain, or {@code null} without a SPIFFE ID.
	 * @return the trust domain or {@code null}
	 */
	public @Nullable String trustDomain() {
		return (this.spiffeId != null) ? this.spiffeId.trustDomain() : null;
	}

	@Override
	public String toString() {
		return "ClientIdentity[" + this.name + " (" + this.source.name().toLowerCase() + "), serial " + this.serial
				+ "]";
	}

}
