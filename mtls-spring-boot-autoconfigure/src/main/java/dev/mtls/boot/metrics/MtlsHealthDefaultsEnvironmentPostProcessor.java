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

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Adds the {@code EXPIRING} status to the default health status order (between
 * {@code OUT_OF_SERVICE} and {@code UP}) unless the application sets its own order, so
 * that an expiring certificate shows in the aggregate health. Its HTTP status stays 200
 * unless mapped with {@code management.endpoint.health.status.http-mapping.expiring}.
 * <p>
 * Spring Boot replaces all of its default HTTP mappings as soon as one mapping is
 * configured, so mapping {@code expiring} alone would turn {@code DOWN} into 200. When
 * the application maps {@code expiring}, the defaults for {@code DOWN} and
 * {@code OUT_OF_SERVICE} (503) are kept unless the application maps those too.
 *
 * @author mtls-spring-boot authors
 */
class MtlsHealthDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String ORDER = "management.endpoint.health.status.order";

	static final String HTTP_MAPPING = "management.endpoint.health.status.http-mapping";

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.containsProperty(ORDER)) {
			DefaultPropertiesPropertySource.addOrMerge(Map.of(ORDER, "DOWN,OUT_OF_SERVICE,EXPIRING,UP,UNKNOWN"),
					environment.getPropertySources());
		}
		Map<String, Integer> mapping = Binder.get(environment)
			.bind(HTTP_MAPPING, Bindable.mapOf(String.class, Integer.class))
			.orElse(Map.of());
		if (mapped(mapping, "expiring")) {
			Map<String, Object> defaults = new LinkedHashMap<>();
			if (!mapped(mapping, "down")) {
				defaults.put(HTTP_MAPPING + ".down", 503);
			}
			if (!mapped(mapping, "out-of-service")) {
				defaults.put(HTTP_MAPPING + ".out-of-service", 503);
			}
			DefaultPropertiesPropertySource.addOrMerge(defaults, environment.getPropertySources());
		}
	}

	private static boolean mapped(Map<String, Integer> mapping, String status) {
		return mapping.keySet().stream().anyMatch((key) -> uniform(key).equals(uniform(status)));
	}

	private static String uniform(String status) {
		return status.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
	}

}
