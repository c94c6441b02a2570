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

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * Thrown when a verified client certificate carries no acceptable identity: more than one
 * or a malformed SPIFFE ID, a trust domain that is not accepted, or no principal name.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public class IdentityRefusedException extends BadCredentialsException {

	private final Reason reason;

	private final @Nullable String identity;

	IdentityRefusedException(Reason reason, @Nullable String identity, String message) {
		super(message);
		this.reason = reason;
		this.identity = identity;
	}

	/**
	 * Return why the identity was refused.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Return the identity that was refused, if one could be named.
	 * @return the identity or {@code null}
	 */
	public @Nullable String getIdentity() {
		return this.identity;
	}

	/**
	 * Why an identity was refused. The values are bounded so that they can tag metrics.
	 */
	public enum Reason {

		/**
		 * The certificate holds more than one SPIFFE ID.
		 */
		MULTIPLE_SPIFFE_IDS,

		/**
		 * A URI SAN claims to be a SPIFFE ID but is malformed.
		 */
		INVALID_SPIFFE_ID,

		/**
		 * The SPIFFE trust domain is not among {@code mtls.identity.trust-domains}.
		 */
		TRUST_DOMAIN_NOT_ACCEPTED,

		/**
		 * None of {@code mtls.identity.sources} yields a usable name.
		 */
		NO_NAME,

		/**
		 * The certificate's names cannot be parsed.
		 */
		UNPARSEABLE

	}

}
