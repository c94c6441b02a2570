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
package dev.mtls.boot.ssl;

import java.time.Clock;

import dev.mtls.boot.MtlsProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.io.ApplicationResourceLoader;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.Assert;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the key material behind mutual TLS: loads and validates the
 * bundle named by {@code mtls.bundle} at startup.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
@AutoConfiguration(after = SslAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "mtls.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "mtls.bundle")
@EnableConfigurationProperties({ MtlsProperties.class, MtlsReloadProperties.class, MtlsPolicyProperties.class,
		MtlsRevocationProperties.class, MtlsTlsProperties.class })
public final class MtlsSslAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MaterialSource mtlsMaterialSource(MtlsProperties properties, SslBundles sslBundles,
			ObjectProvider<SslProperties> sslProperties, ResourceLoader resourceLoader, MtlsPolicyProperties policy,
			MtlsRevocationProperties revocation, MtlsTlsProperties tls, Environment environment) {
		String bundle = properties.getBundle();
		Assert.state(bundle != null, "'mtls.bundle' must be set");
		MaterialSettings settings = new MaterialSettings(policy, revocation, tls, role(environment, "server"),
				role(environment, "client"));
		return MaterialSource.load(bundle, sslBundles, sslProperties.getIfAvailable(),
				ApplicationResourceLoader.get(resourceLoader, true), settings, Clock.systemUTC());
	}

	private static boolean role(Environment environment, String role) {
		return environment.getProperty("mtls." + role + ".enabled", Boolean.class, true);
	}

	@Bean
	@ConditionalOnMissingBean
	MaterialReloader mtlsMaterialReloader(MaterialSource source, MtlsReloadProperties properties,
			ResourceLoader resourceLoader, ApplicationEventPublisher events, ObjectProvider<SslBundleRegistry> registry,
			ObjectProvider<SslBundles> bundles) {
		return new MaterialReloader(source, properties, ApplicationResourceLoader.get(resourceLoader, true), events,
				registry.getIfAvailable(), bundles.getIfAvailable(), Clock.systemUTC());
	}

}
