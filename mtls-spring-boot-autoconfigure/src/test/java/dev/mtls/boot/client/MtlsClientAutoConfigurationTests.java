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

import java.nio.file.Path;

import dev.mtls.boot.ssl.MaterialSource;
import dev.mtls.boot.ssl.MtlsSslAutoConfiguration;
import dev.mtls.boot.test.pki.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MtlsClientAutoConfiguration}.
 *
 * @author mtls-spring-boot authors
 */
class MtlsClientAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, MtlsSslAutoConfiguration.class,
				HttpClientAutoConfiguration.class, MtlsClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				WebClientAutoConfiguration.class));

	@TempDir
	Path directory;

	private TestPki pki;

	private String[] bundle;

	@BeforeEach
	void createPki() {
		this.pki = TestPki.create(this.directory);
		this.bundle = this.pki.bundleProperties("service");
	}

	@Test
	void whenBundleIsSetThenBothBuildersAreCustomized() {
		this.contextRunner.withPropertyValues(this.bundle).run((context) -> {
			assertThat(context).hasSingleBean(MtlsRestClientCustomizer.class)
				.hasSingleBean(MtlsWebClientCustomizer.class);
			assertThat(context.getBean(RestClient.Builder.class)).isNotNull();
		});
	}

	@Test
	void whenNoBundleThenNoCustomizers() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MtlsRestClientCustomizer.class)
			.doesNotHaveBean(MtlsWebClientCustomizer.class));
	}

	@Test
	void whenClientPartIsDisabledThenNoCustomizers() {
		this.contextRunner.withPropertyValues(this.bundle)
			.withPropertyValues("mtls.client.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MtlsRestClientCustomizer.class)
				.doesNotHaveBean(MtlsWebClientCustomizer.class));
	}

	@Test
	void whenRestClientIsAbsentThenOnlyWebClientIsCustomized() {
		this.contextRunner.withPropertyValues(this.bundle)
			.withClassLoader(new FilteredClassLoader(RestClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MtlsRestClientCustomizer.class)
				.hasSingleBean(MtlsWebClientCustomizer.class));
	}

	@Test
	void whenWebClientIsAbsentThenOnlyRestClientIsCustomized() {
		this.contextRunner.withPropertyValues(this.bundle)
			.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(MtlsRestClientCustomizer.class)
				.doesNotHaveBean(MtlsWebClientCustomizer.class));
	}

	@Test
	void whenHttpClientSupportIsAbsentThenNothingIsCustomized() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, MtlsSslAutoConfiguration.class,
					MtlsClientAutoConfiguration.class))
			.withPropertyValues(this.bundle)
			.withClassLoader(new FilteredClassLoader(HttpClientSettings.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MtlsRestClientCustomizer.class));
	}

	@Test
	void whenBootClientBundleIsTheMtlsBundleThenMtlsMaterialIsUsed() {
		this.contextRunner.withPropertyValues(this.bundle)
			.withPropertyValues("spring.http.clients.ssl.bundle=service")
			.run((context) -> {
				ClientSettings settings = ClientSettings.of(context.getBean(HttpClientSettings.class),
						context.getBean(MaterialSource.class), context.getEnvironment(), "test");
				assertThat(settings.mtls()).isNotNull();
				assertThat(settings.mtls().sslBundle()).isSameAs(context.getBean(MaterialSource.class).sslBundle());
			});
	}

	@Test
	void whenBootClientBundleIsAnotherBundleThenItIsHonoured() {
		this.contextRunner.withPropertyValues(this.bundle)
			.withPropertyValues("spring.ssl.bundle.pem.other.truststore.certificate=file:" + this.pki.trustFile(),
					"spring.http.clients.ssl.bundle=other")
			.run((context) -> {
				ClientSettings settings = ClientSettings.of(context.getBean(HttpClientSettings.class),
						context.getBean(MaterialSource.class), context.getEnvironment(), "test");
				assertThat(settings.mtls()).isNull();
			});
	}

}
