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

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A pattern over client identities: {@code *} matches any characters within one path
 * segment (not {@code /}), {@code **} matches any characters across segments, everything
 * else matches literally. For example
 * {@code spiffe://example.org/ns/*}{@code /sa/orders}.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class ClientPattern {

	private final String pattern;

	private final @Nullable Pattern regex;

	private ClientPattern(String pattern, @Nullable Pattern regex) {
		this.pattern = pattern;
		this.regex = regex;
	}

	/**
	 * Compile a pattern.
	 * @param pattern the pattern
	 * @return the compiled pattern
	 */
	public static ClientPattern compile(String pattern) {
		Assert.hasText(pattern, "'pattern' must not be empty");
		if (!pattern.contains("*")) {
			return new ClientPattern(pattern, null);
		}
		StringBuilder regex = new StringBuilder();
		int literalStart = 0;
		for (int i = 0; i < pattern.length(); i++) {
			if (pattern.charAt(i) != '*') {
				continue;
			}
			if (literalStart < i) {
				regex.append(Pattern.quote(pattern.substring(literalStart, i)));
			}
			boolean doubleStar = i + 1 < pattern.length() && pattern.charAt(i + 1) == '*';
			regex.append(doubleStar ? ".*" : "[^/]*");
			i += doubleStar ? 1 : 0;
			literalStart = i + 1;
		}
		if (literalStart < pattern.length()) {
			regex.append(Pattern.quote(pattern.substring(literalStart)));
		}
		return new ClientPattern(pattern, Pattern.compile(regex.toString(), Pattern.DOTALL));
	}

	/**
	 * Return whether an identity name matches this pattern.
	 * @param name the identity name
	 * @return whether it matches
	 */
	public boolean matches(String name) {
		return (this.regex != null) ? this.regex.matcher(name).matches() : this.pattern.equals(name);
	}

	@Override
	public String toString() {
		return this.pattern;
	}

}
