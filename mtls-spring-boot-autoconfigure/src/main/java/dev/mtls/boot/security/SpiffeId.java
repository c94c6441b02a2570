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

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.util.Assert;

/**
 * A SPIFFE ID ({@code spiffe://<trust domain>/<path>}), parsed and validated as the
 * SPIFFE ID specification requires: lowercase scheme {@code spiffe}, a trust domain of
 * lowercase letters, digits, dots, dashes and underscores, a path of segments of letters,
 * digits, dots, dashes and underscores that are neither empty nor {@code .} or
 * {@code ..}, and no port, user info, query, fragment or percent-encoding. The path of a
 * workload identity must not be empty.
 *
 * @param trustDomain the trust domain, for example {@code example.org}
 * @param path the path, starting with {@code /}, for example {@code /ns/prod/sa/orders}
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public record SpiffeId(String trustDomain, String path) {

	/**
	 * The scheme prefix of every SPIFFE ID.
	 */
	public static final String PREFIX = "spiffe://";

	private static final int MAX_LENGTH = 2048;

	private static final int MAX_TRUST_DOMAIN_LENGTH = 255;

	public SpiffeId {
		Assert.hasText(trustDomain, "'trustDomain' must not be empty");
		Assert.hasText(path, "'path' must not be empty");
	}

	/**
	 * Parse a SPIFFE ID.
	 * @param value the text, for example {@code spiffe://example.org/orders}
	 * @return the SPIFFE ID
	 * @throws InvalidSpiffeIdException if the text is not a valid workload SPIFFE ID
	 */
	public static SpiffeId parse(String value) {
		if (value.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
			throw new InvalidSpiffeIdException(value, "it is longer than " + MAX_LENGTH + " bytes");
		}
		if (!value.startsWith(PREFIX)) {
			throw new InvalidSpiffeIdException(value, "the scheme must be 'spiffe://' in lowercase");
		}
		String rest = value.substring(PREFIX.length());
		int slash = rest.indexOf('/');
		String trustDomain = (slash >= 0) ? rest.substring(0, slash) : rest;
		String path = (slash >= 0) ? rest.substring(slash) : "";
		checkTrustDomain(value, trustDomain);
		checkPath(value, path);
		return new SpiffeId(trustDomain, path);
	}

	/**
	 * Return whether a text claims to be a SPIFFE ID (starts with the scheme, in any
	 * case).
	 * @param value the text
	 * @return whether it claims to be a SPIFFE ID
	 */
	public static boolean claims(String value) {
		return value.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
	}

	private static void checkTrustDomain(String value, String trustDomain) {
		if (trustDomain.isEmpty()) {
			throw new InvalidSpiffeIdException(value, "the trust domain is missing");
		}
		if (trustDomain.length() > MAX_TRUST_DOMAIN_LENGTH) {
			throw new InvalidSpiffeIdException(value,
					"the trust domain is longer than " + MAX_TRUST_DOMAIN_LENGTH + " characters");
		}
		for (int i = 0; i < trustDomain.length(); i++) {
			char c = trustDomain.charAt(i);
			boolean valid = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
			if (!valid) {
				throw new InvalidSpiffeIdException(value, "the trust domain may only contain lowercase letters, "
						+ "digits, '.', '-' and '_' (no port, user info or uppercase), found " + describe(c));
			}
		}
	}

	private static void checkPath(String value, String path) {
		if (path.isEmpty() || path.equals("/")) {
			throw new InvalidSpiffeIdException(value, "the path is missing (a workload SPIFFE ID needs one)");
		}
		if (path.endsWith("/")) {
			throw new InvalidSpiffeIdException(value, "the path must not end with '/'");
		}
		for (String segment : path.substring(1).split("/", -1)) {
			if (segment.isEmpty()) {
				throw new InvalidSpiffeIdException(value, "the path has an empty segment");
			}
			if (segment.equals(".") || segment.equals("..")) {
				throw new InvalidSpiffeIdException(value, "the path must not contain '.' or '..' segments");
			}
			for (int i = 0; i < segment.length(); i++) {
				char c = segment.charAt(i);
				boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
						|| c == '-' || c == '_';
				if (!valid) {
					throw new InvalidSpiffeIdException(value,
							"the path may only contain letters, digits, '.', "
									+ "'-' and '_' in its segments (no query, fragment or percent-encoding), found "
									+ describe(c));
				}
			}
		}
	}

	private static String describe(char c) {
		return Character.isISOControl(c) ? "U+%04X".formatted((int) c) : "'" + c + "'";
	}

	@Override
	@JsonValue
	public String toString() {
		return PREFIX + this.trustDomain + this.path;
	}

}
