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

import java.time.Clock;

import dev.mtls.boot.ssl.MaterialReloader;
import dev.mtls.boot.ssl.MaterialSource;
import dev.mtls.boot.ssl.MtlsSslAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the mTLS health indicator and Actuator endpoint.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
@AutoConfiguration(after = MtlsSslAutoConfiguration.class)
@ConditionalOnBean(MaterialSource.class)
@EnableConfigurationProperties(MtlsHealthProperties.class)
public final class MtlsActuatorAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
	@ConditionalOnEnabledHealthIndicator("mtls")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "mtlsHealthIndicator")
		MtlsHealthIndicator mtlsHealthIndicator(MaterialSource source, ObjectProvider<MaterialReloader> reloader,
				MtlsHealthProperties properties) {
			return new MtlsHealthIndicator(source, reloader.getIfAvailable(), properties.getExpiryWarning(),
					Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint
		MtlsEndpoint mtlsEndpoint(MaterialSource source, ObjectProvider<MaterialReloader> reloader) {
			return new MtlsEndpoint(source, reloader.getIfAvailable());
		}

	}

}
