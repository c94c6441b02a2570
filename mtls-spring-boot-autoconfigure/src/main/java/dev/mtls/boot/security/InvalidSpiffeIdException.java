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

/**
 * Thrown when a text is not a valid SPIFFE ID.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public class InvalidSpiffeIdException extends IllegalArgumentException {

	private final String value;

	InvalidSpiffeIdException(String value, String reason) {
		super("Invalid SPIFFE ID '%s': %s".formatted(printable(value), reason));
		this.value = value;
	}

	/**
	 * Return the text that is not a valid SPIFFE ID.
	 * @return the text
	 */
	public String getValue() {
		return this.value;
	}

	static String printable(String value) {
		StringBuilder printable = new StringBuilder(Math.min(value.length(), 256));
		for (int i = 0; i < value.length() && i < 256; i++) {
			char c = value.charAt(i);
			printable.append(Character.isISOControl(c) ? '?' : c);
		}
		return (value.length() > 256) ? printable + "..." : printable.toString();
	}

}
