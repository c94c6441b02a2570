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

import dev.mtls.boot.ssl.MaterialSource;
import dev.mtls.boot.ssl.MtlsSslAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of client identities and authorization with Spring Security:
 * <ul>
 * <li>a {@code Customizer<HttpSecurity>} bean ({@code mtlsHttpSecurityCustomizer}) that
 * applies {@link MtlsHttpConfigurer} to every security filter chain, the user's
 * included;</li>
 * <li>when the application defines no {@code SecurityFilterChain}, a default chain in
 * which every request needs a verified client identity (no form login, no basic
 * authentication, no sessions, no CSRF tokens: callers are services);</li>
 * <li>{@code @AllowClients} rules and the default policy, enforced for Spring MVC
 * handlers.</li>
 * </ul>
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
@AutoConfiguration(after = MtlsSslAutoConfiguration.class,
		beforeName = {
				"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ HttpSecurity.class, SecurityFilterChain.class, ConditionalOnDefaultWebSecurity.class })
@ConditionalOnBean(MaterialSource.class)
@ConditionalOnBooleanProperty(name = "mtls.identity.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ MtlsIdentityProperties.class, MtlsAuthorizationProperties.class })
public final class MtlsSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MtlsAuthenticator mtlsAuthenticator(MtlsIdentityProperties identity, MtlsAuthorizationProperties authorization,
			ApplicationEventPublisher events) {
		ClientsProperty.check(authorization.getClients());
		ClientsProperty.checkTrustDomains(identity.getTrustDomains());
		return new MtlsAuthenticator(new ClientIdentityExtractor(identity.getSources(), identity.getTrustDomains()),
				new AuthorityMapper(authorization.getClients()), events);
	}

	@Bean
	@ConditionalOnMissingBean
	MtlsAuthenticationProvider mtlsAuthenticationProvider(MtlsAuthenticator authenticator) {
		return new MtlsAuthenticationProvider(authenticator);
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemResponses mtlsProblemResponses() {
		return new ProblemResponses();
	}

	@Bean
	@ConditionalOnMissingBean(name = "mtlsHttpSecurityCustomizer")
	Customizer<HttpSecurity> mtlsHttpSecurityCustomizer() {
		return (http) -> http.with(MtlsHttpConfigurer.mtls(), Customizer.withDefaults());
	}

	@Bean
	@ConditionalOnMissingBean
	ClientAuthorizationManager mtlsClientAuthorizationManager(MtlsAuthorizationProperties authorization) {
		return new ClientAuthorizationManager(new AuthorizationRules(), authorization.getDefaultPolicy());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnDefaultWebSecurity
	static class DefaultSecurityFilterChainConfiguration {

		private static final String ACTUATOR = "org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints";

		@Bean
		@Order(SecurityFilterProperties.BASIC_AUTH_ORDER)
		SecurityFilterChain mtlsSecurityFilterChain(HttpSecurity http, MtlsAuthorizationProperties authorization,
				ApplicationEventPublisher events) {
			http.authorizeHttpRequests((requests) -> {
				String[] probes = authorization.getProbePaths().toArray(new String[0]);
				if (authorization.getProbes() == MtlsAuthorizationProperties.Probes.PERMIT_ALL) {
					requests.requestMatchers(probes).permitAll();
				}
				if (!authorization.getManagementClients().isEmpty() && ClassUtils.isPresent(ACTUATOR, null)) {
					requests.requestMatchers(probes).authenticated();
					requests.requestMatchers(EndpointRequest.toAnyEndpoint())
						.access(new ManagementClientsAuthorizationManager(authorization.getManagementClients(),
								authorization.getMode(), events));
				}
				requests.anyRequest().authenticated();
			});
			http.csrf((csrf) -> csrf.disable());
			http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
			http.requestCache((cache) -> cache.disable());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebMvcConfigurer.class)
	static class WebMvcAuthorizationConfiguration {

		@Bean
		WebMvcConfigurer mtlsAuthorizationWebMvcConfigurer(ClientAuthorizationManager manager,
				MtlsAuthorizationProperties authorization, ProblemResponses problems,
				ApplicationEventPublisher events) {
			MtlsAuthorizationInterceptor interceptor = new MtlsAuthorizationInterceptor(manager,
					authorization.getMode(), problems, events, SecurityContextHolder.getContextHolderStrategy());
			return new WebMvcConfigurer() {

				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(interceptor);
				}

			};
		}

	}

}
