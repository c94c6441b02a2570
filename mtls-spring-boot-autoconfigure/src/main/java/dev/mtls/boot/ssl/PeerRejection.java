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

import java.util.Locale;

/**
 * Why a peer was refused. The values are bounded so that they can tag metrics; the same
 * reasons appear in logs and problem responses.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public enum PeerRejection {

	/**
	 * A certificate of the chain has expired.
	 */
	EXPIRED,

	/**
	 * A certificate of the chain is not valid yet.
	 */
	NOT_YET_VALID,

	/**
	 * The chain does not lead to a trust anchor, or a signature does not verify.
	 */
	UNTRUSTED_ISSUER,

	/**
	 * A certificate of the chain is revoked.
	 */
	REVOKED,

	/**
	 * The revocation status cannot be determined (for example the CRL is past its next
	 * update and stale CRLs are refused).
	 */
	REVOCATION_UNKNOWN,

	/**
	 * The leaf is a CA certificate, or its extended key usage does not allow its role.
	 */
	WRONG_KEY_USAGE,

	/**
	 * A key is too small, or a certificate below the trust anchor is signed with MD5 or
	 * SHA-1.
	 */
	WEAK_KEY_OR_ALGORITHM,

	/**
	 * The chain is longer than allowed.
	 */
	CHAIN_TOO_LONG,

	/**
	 * The peer presented no certificate.
	 */
	NO_CERTIFICATE,

	/**
	 * The certificate is trusted but carries no acceptable identity.
	 */
	IDENTITY_REFUSED,

	/**
	 * Any other handshake failure (for example an unsupported critical extension or no
	 * common protocol).
	 */
	OTHER;

	/**
	 * Return the value used as metric tag: lowercase with underscores.
	 * @return the tag value
	 */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
