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
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ClientsProperty}: how Spring Boot binds identity keys, and that keys
 * it mangled fail with the fix.
 *
 * @author mtls-spring-boot authors
 */
class ClientsPropertyTests {

	@Test
	void whenKeyUsesBracketNotationThenItIsKeptWhole() {
		Map<String, List<String>> clients = bind(
				Map.of("mtls.authorization.clients[spiffe://example.org/ns/*/sa/orders]", "inventory:read"));

		assertThat(clients).containsOnlyKeys("spiffe://example.org/ns/*/sa/orders");
		ClientsProperty.check(clients);
	}

	@Test
	void whenKeyLacksBracketsThenBootManglesItAndStartupFailsWithTheFix() {
		Map<String, List<String>> clients = bind(
				Map.of("mtls.authorization.clients.spiffe://example.org/orders", "inventory:read"));

		assertThat(clients).doesNotContainKey("spiffe://example.org/orders");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> ClientsProperty.check(clients))
			.satisfies((ex) -> assertThat(ex.getReason()).contains("bracket notation"));
	}

	private static Map<String, List<String>> bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties))
			.bind("mtls.authorization", MtlsAuthorizationProperties.class)
			.map(MtlsAuthorizationProperties::getClients)
			.orElse(Map.of());
	}

}
