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
package dev.mtls.boot.client;

import dev.mtls.boot.ssl.MaterialSource;
import dev.mtls.boot.ssl.MtlsSslAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of mutual TLS on {@link RestClient.Builder} and
 * {@link WebClient.Builder} beans.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
@AutoConfiguration(after = MtlsSslAutoConfiguration.class,
		afterName = { "org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
				"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
				"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration" },
		beforeName = { "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
				"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration" })
@ConditionalOnClass(HttpClientSettings.class)
@ConditionalOnBean(MaterialSource.class)
@ConditionalOnBooleanProperty(name = "mtls.client.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MtlsClientProperties.class)
public final class MtlsClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ConnectionRenewal mtlsConnectionRenewal(MtlsClientProperties properties) {
		return new ConnectionRenewal(properties.isRenewConnectionsOnReload());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class, ClientHttpRequestFactoryBuilder.class })
	static class RestClientConfiguration {

		@Bean
		@Order(10)
		@ConditionalOnMissingBean
		MtlsRestClientCustomizer mtlsRestClientCustomizer(MaterialSource source, ResourceLoader resourceLoader,
				ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
				ObjectProvider<HttpClientSettings> settings, Environment environment, ConnectionRenewal renewal) {
			ClientHttpRequestFactoryBuilder<?> builder = requestFactoryBuilder
				.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader()));
			return new MtlsRestClientCustomizer(builder, ReactorNettySsl.apply(builder, source, renewal),
					ClientSettings.of(settings.getIfAvailable(), source, environment, "RestClient.Builder"), renewal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, WebClientCustomizer.class, ClientHttpConnectorBuilder.class })
	static class WebClientConfiguration {

		@Bean
		@Order(10)
		@ConditionalOnMissingBean
		MtlsWebClientCustomizer mtlsWebClientCustomizer(MaterialSource source, ResourceLoader resourceLoader,
				ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
				ObjectProvider<HttpClientSettings> settings, Environment environment, ConnectionRenewal renewal) {
			ClientHttpConnectorBuilder<?> builder = connectorBuilder
				.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader()));
			return new MtlsWebClientCustomizer(builder, ReactorNettySsl.apply(builder, source, renewal),
					ClientSettings.of(settings.getIfAvailable(), source, environment, "WebClient.Builder"), renewal);
		}

	}

}
