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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SpiffeId}.
 *
 * @author mtls-spring-boot authors
 */
class SpiffeIdTests {

	@ParameterizedTest
	@CsvSource({ "spiffe://example.org/orders, example.org, /orders",
			"spiffe://example.org/ns/prod/sa/orders, example.org, /ns/prod/sa/orders",
			"spiffe://prod.eu-1_x.example.org/a.b-c_D, prod.eu-1_x.example.org, /a.b-c_D",
			"spiffe://td/..x/x.., td, /..x/x.." })
	void parseWhenValidThenReturnsTrustDomainAndPath(String value, String trustDomain, String path) {
		SpiffeId spiffeId = SpiffeId.parse(value);

		assertThat(spiffeId.trustDomain()).isEqualTo(trustDomain);
		assertThat(spiffeId.path()).isEqualTo(path);
		assertThat(spiffeId).hasToString(value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "spiffe://Example.org/orders", "SPIFFE://example.org/orders",
			"spiffe://example.org/ns/../admin", "spiffe://example.org/./orders", "spiffe://example.org/orders?x=1",
			"spiffe://example.org/orders#admin", "spiffe://example.org", "spiffe://example.org/",
			"spiffe://example.org:8443/orders", "spiffe://user@example.org/orders", "spiffe:///orders",
			"spiffe://example.org//orders", "spiffe://example.org/orders/", "spiffe://example.org/a%2Fb",
			"spiffe://example.org/ord ers", "https://example.org/orders", "spiffe:example.org/orders",
			"spiffe://example.org/orders\u0000.evil" })
	void parseWhenInvalidThenThrows(String value) {
		assertThatExceptionOfType(InvalidSpiffeIdException.class).isThrownBy(() -> SpiffeId.parse(value))
			.withMessageStartingWith("Invalid SPIFFE ID")
			.withMessageNotContaining("\u0000");
	}

	@Test
	void parseWhenTooLongThenThrows() {
		String value = "spiffe://example.org/" + "a".repeat(2100);

		assertThatExceptionOfType(InvalidSpiffeIdException.class).isThrownBy(() -> SpiffeId.parse(value))
			.withMessageContaining("longer than 2048 bytes");
	}

	@Test
	void claimsWhenSchemeInAnyCaseThenTrue() {
		assertThat(SpiffeId.claims("SPIFFE://example.org/x")).isTrue();
		assertThat(SpiffeId.claims("spiffe://example.org/x")).isTrue();
		assertThat(SpiffeId.claims("https://example.org/x")).isFalse();
	}

}
