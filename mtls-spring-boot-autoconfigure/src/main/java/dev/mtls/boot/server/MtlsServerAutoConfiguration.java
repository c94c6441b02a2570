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
package dev.mtls.boot.server;

import dev.mtls.boot.ssl.MaterialSource;
import dev.mtls.boot.ssl.MtlsSslAutoConfiguration;
import org.apache.catalina.startup.Tomcat;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of mutual TLS on embedded Tomcat.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
@AutoConfiguration(after = MtlsSslAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnClass({ Tomcat.class, ConfigurableTomcatWebServerFactory.class })
@ConditionalOnBean(MaterialSource.class)
@ConditionalOnBooleanProperty(name = "mtls.server.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MtlsServerProperties.class)
public final class MtlsServerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "mtlsTomcatWebServerFactoryCustomizer")
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> mtlsTomcatWebServerFactoryCustomizer(
			MaterialSource source, MtlsServerProperties properties, Environment environment) {
		ServerSslConflicts.check(environment, source);
		MtlsTomcatConnectorCustomizer customizer = new MtlsTomcatConnectorCustomizer(source,
				properties.getClientAuth());
		return (factory) -> factory.addConnectorCustomizers(customizer);
	}

}
