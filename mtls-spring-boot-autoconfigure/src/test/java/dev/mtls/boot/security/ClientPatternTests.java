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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClientPattern}.
 *
 * @author mtls-spring-boot authors
 */
class ClientPatternTests {

	@ParameterizedTest
	@CsvSource({ "spiffe://example.org/orders, spiffe://example.org/orders, true",
			"spiffe://example.org/orders, spiffe://example.org/orders2, false",
			"spiffe://example.org/ns/*/sa/orders, spiffe://example.org/ns/prod/sa/orders, true",
			"spiffe://example.org/ns/*/sa/orders, spiffe://example.org/ns/prod/x/sa/orders, false",
			"spiffe://example.org/ns/*/sa/orders, spiffe://example.org/ns/prod/sa/billing, false",
			"spiffe://example.org/**, spiffe://example.org/ns/prod/sa/orders, true",
			"spiffe://example.org/**, spiffe://example.org.evil/x, false",
			"spiffe://*.example.org/orders, spiffe://eu.example.org/orders, true",
			"spiffe://*.example.org/orders, spiffe://evil.org/x.example.org/orders, false",
			"spiffe://example.org/a.b, spiffe://example.org/aXb, false",
			"spiffe://example.org/svc-*, spiffe://example.org/svc-a, true",
			"spiffe://example.org/svc-*, spiffe://example.org/svc-a/b, false",
			"orders.internal, orders.internal, true" })
	void matches(String pattern, String name, boolean expected) {
		assertThat(ClientPattern.compile(pattern).matches(name)).isEqualTo(expected);
	}

}
