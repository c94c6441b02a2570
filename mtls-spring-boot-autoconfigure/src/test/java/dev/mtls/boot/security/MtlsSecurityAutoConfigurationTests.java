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

import java.nio.file.Path;

import dev.mtls.boot.ssl.MtlsSslAutoConfiguration;
import dev.mtls.boot.test.pki.TestPki;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MtlsSecurityAutoConfiguration}.
 *
 * @author mtls-spring-boot authors
 */
class MtlsSecurityAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, MtlsSslAutoConfiguration.class,
				MtlsSecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
				UserDetailsServiceAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class));

	@TempDir
	Path directory;

	private String[] bundle;

	@BeforeEach
	void createPki() {
		this.bundle = TestPki.create(this.directory).bundleProperties("service");
	}

	@Test
	void whenNoUserChainThenMtlsDefaultChainReplacesBootsFormAndBasicLogin() {
		this.contextRunner.withPropertyValues(this.bundle).run((context) -> {
			assertThat(context).hasSingleBean(MtlsAuthenticator.class)
				.hasSingleBean(MtlsAuthenticationProvider.class)
				.hasBean("mtlsHttpSecurityCustomizer")
				.hasBean("mtlsSecurityFilterChain")
				.doesNotHaveBean("defaultSecurityFilterChain")
				.doesNotHaveBean(UserDetailsService.class);
			SecurityFilterChain chain = context.getBean(SecurityFilterChain.class);
			assertThat(chain.getFilters()).map(Filter::getClass)
				.contains(MtlsAuthenticationFilter.class)
				.noneMatch((type) -> type.getSimpleName().contains("UsernamePassword")
						|| type.getSimpleName().contains("BasicAuthentication")
						|| type.getSimpleName().contains("Csrf"));
		});
	}

	@Test
	void whenUserDefinesAChainThenItIsKeptAndGetsMtlsAuthentication() {
		this.contextRunner.withPropertyValues(this.bundle)
			.withUserConfiguration(UserChainConfiguration.class)
			.run((context) -> {
				assertThat(context).hasBean("userChain").doesNotHaveBean("mtlsSecurityFilterChain");
				assertThat(context.getBean(SecurityFilterChain.class).getFilters()).map(Filter::getClass)
					.contains(MtlsAuthenticationFilter.class);
			});
	}

	@Test
	void whenUserReplacesTheCustomizerThenTheirsIsUsed() {
		this.contextRunner.withPropertyValues(this.bundle)
			.withUserConfiguration(UserChainConfiguration.class, NoMtlsCustomizerConfiguration.class)
			.run((context) -> assertThat(context.getBean(SecurityFilterChain.class).getFilters()).map(Filter::getClass)
				.doesNotContain(MtlsAuthenticationFilter.class));
	}

	@Test
	void whenSpringSecurityIsAbsentThenNoMtlsSecurity() {
		this.contextRunner.withPropertyValues(this.bundle)
			.withClassLoader(new FilteredClassLoader(HttpSecurity.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MtlsAuthenticator.class));
	}

	@Test
	void whenIdentityIsDisabledThenNoMtlsSecurity() {
		this.contextRunner.withPropertyValues(this.bundle)
			.withPropertyValues("mtls.identity.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MtlsAuthenticator.class)
				.hasBean("defaultSecurityFilterChain"));
	}

	@Test
	void whenNoBundleThenNoMtlsSecurity() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MtlsAuthenticator.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserChainConfiguration {

		@Bean
		SecurityFilterChain userChain(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NoMtlsCustomizerConfiguration {

		@Bean
		org.springframework.security.config.Customizer<HttpSecurity> mtlsHttpSecurityCustomizer() {
			return (http) -> {
			};
		}

	}

}
