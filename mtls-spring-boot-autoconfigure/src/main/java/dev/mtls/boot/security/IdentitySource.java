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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where a principal name can come from in a client certificate.
 * {@code mtls.identity.sources} lists them in order; the first that yields a name wins.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public enum IdentitySource {

	/**
	 * The SPIFFE ID (a URI SAN with scheme {@code spiffe}).
	 */
	SPIFFE,

	/**
	 * The first URI subject alternative name.
	 */
	URI,

	/**
	 * The first DNS subject alternative name.
	 */
	DNS,

	/**
	 * The common name of the subject, if there is exactly one.
	 */
	CN,

	/**
	 * The first e-mail subject alternative name.
	 */
	EMAIL,

	/**
	 * The whole subject distinguished name (RFC 2253).
	 */
	SUBJECT;

	@Nullable String nameOf(@Nullable SpiffeId spiffeId, List<String> uris, List<String> dnsNames, List<String> emails,
			@Nullable String commonName, String subject) {
		return switch (this) {
			case SPIFFE -> (spiffeId != null) ? spiffeId.toString() : null;
			case URI -> first(uris);
			case DNS -> first(dnsNames);
			case CN -> commonName;
			case EMAIL -> first(emails);
			case SUBJECT -> subject;
		};
	}

	private static @Nullable String first(List<String> values) {
		return values.isEmpty() ? null : values.get(0);
	}

}
