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

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AuthorityMapper}.
 *
 * @author mtls-spring-boot authors
 */
class AuthorityMapperTests {

	@Test
	void authoritiesWhenPatternsMatchThenTheirAuthoritiesAreUnited() {
		Map<String, List<String>> clients = new LinkedHashMap<>();
		clients.put("spiffe://example.org/ns/*/sa/orders", List.of("inventory:read"));
		clients.put("spiffe://example.org/**", List.of("ping", "inventory:read"));
		clients.put("spiffe://example.org/billing", List.of("invoices:write"));
		AuthorityMapper mapper = new AuthorityMapper(clients);

		List<GrantedAuthority> authorities = mapper.authorities(identity("spiffe://example.org/ns/prod/sa/orders"));

		assertThat(authorities).extracting(GrantedAuthority::getAuthority)
			.containsExactly("FACTOR_X509", "inventory:read", "ping");
	}

	@Test
	void authoritiesWhenNothingMatchesThenOnlyTheX509Factor() {
		AuthorityMapper mapper = new AuthorityMapper(Map.of("spiffe://example.org/billing", List.of("x")));

		assertThat(mapper.authorities(identity("spiffe://example.org/orders")))
			.extracting(GrantedAuthority::getAuthority)
			.containsExactly("FACTOR_X509");
	}

	static ClientIdentity identity(String name) {
		return new ClientIdentity(name, IdentitySource.SPIFFE, SpiffeId.parse(name), List.of(name), List.of(),
				List.of(), List.of(), "CN=test", "test", "CN=ca", "1", "00", Instant.EPOCH, Instant.EPOCH);
	}

}
