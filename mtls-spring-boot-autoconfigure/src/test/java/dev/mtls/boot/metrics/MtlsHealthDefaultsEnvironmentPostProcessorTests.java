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
package dev.mtls.boot.metrics;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MtlsHealthDefaultsEnvironmentPostProcessor}.
 *
 * @author mtls-spring-boot authors
 */
class MtlsHealthDefaultsEnvironmentPostProcessorTests {

	private final MtlsHealthDefaultsEnvironmentPostProcessor postProcessor = new MtlsHealthDefaultsEnvironmentPostProcessor();

	@Test
	void whenNothingIsConfiguredThenExpiringJoinsTheOrderAndNoMappingIsAdded() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(MtlsHealthDefaultsEnvironmentPostProcessor.ORDER))
			.isEqualTo("DOWN,OUT_OF_SERVICE,EXPIRING,UP,UNKNOWN");
		assertThat(mapping(environment)).isEmpty();
	}

	@Test
	void whenTheApplicationSetsAnOrderThenItIsKept() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty(MtlsHealthDefaultsEnvironmentPostProcessor.ORDER, "DOWN,UP");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(MtlsHealthDefaultsEnvironmentPostProcessor.ORDER)).isEqualTo("DOWN,UP");
	}

	@Test
	void whenExpiringIsMappedThenDownAndOutOfServiceKeepTheirDefaults() {
		MockEnvironment environment = new MockEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application",
					Map.of("management.endpoint.health.status.http-mapping.EXPIRING", 429)));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(mapping(environment)).containsEntry("EXPIRING", 429)
			.containsEntry("down", 503)
			.containsEntry("out-of-service", 503);
	}

	@Test
	void whenDownIsMappedTooThenTheApplicationMappingWins() {
		MockEnvironment environment = new MockEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application",
					Map.of("management.endpoint.health.status.http-mapping.expiring", 429,
							"management.endpoint.health.status.http-mapping.down", 500)));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(mapping(environment)).containsEntry("down", 500).containsEntry("out-of-service", 503).hasSize(3);
	}

	private static Map<String, Integer> mapping(MockEnvironment environment) {
		return Binder.get(environment)
			.bind(MtlsHealthDefaultsEnvironmentPostProcessor.HTTP_MAPPING, Bindable.mapOf(String.class, Integer.class))
			.orElse(Map.of());
	}

}
