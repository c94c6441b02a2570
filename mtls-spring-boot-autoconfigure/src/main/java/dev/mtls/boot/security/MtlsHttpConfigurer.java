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

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.web.authentication.preauth.x509.X509AuthenticationFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.util.Assert;

/**
 * Adds mTLS client authentication to an {@link HttpSecurity}: the
 * {@link MtlsAuthenticationFilter} in the place of Spring Security's X.509 filter, and
 * problem-detail responses (401 without a certificate, 403 for denied calls) as the
 * defaults for the chain's exception handling. It is applied to every chain by the
 * auto-configured {@code mtlsHttpSecurityCustomizer}; users who build their own chain
 * without that customizer apply it explicitly:
 *
 * <pre class="code">
 * http.with(MtlsHttpConfigurer.mtls(), Customizer.withDefaults());
 * </pre>
 *
 * Shared objects used: the {@link ApplicationContext} (for the {@link MtlsAuthenticator}
 * and {@link ProblemResponses} beans). Filters added: {@link MtlsAuthenticationFilter}.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class MtlsHttpConfigurer extends AbstractHttpConfigurer<MtlsHttpConfigurer, HttpSecurity> {

	private MtlsHttpConfigurer() {
	}

	/**
	 * Return a new configurer.
	 * @return the configurer
	 */
	public static MtlsHttpConfigurer mtls() {
		return new MtlsHttpConfigurer();
	}

	@Override
	public void init(HttpSecurity http) {
		ProblemResponses problems = bean(http, ProblemResponses.class);
		ExceptionHandlingConfigurer<HttpSecurity> exceptionHandling = http
			.getConfigurer(ExceptionHandlingConfigurer.class);
		if (exceptionHandling != null) {
			exceptionHandling.defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE);
			exceptionHandling.defaultAccessDeniedHandlerFor(problems, AnyRequestMatcher.INSTANCE);
		}
	}

	@Override
	public void configure(HttpSecurity http) {
		MtlsAuthenticationFilter filter = new MtlsAuthenticationFilter(bean(http, MtlsAuthenticator.class),
				bean(http, ProblemResponses.class), getSecurityContextHolderStrategy());
		http.addFilterAt(postProcess(filter), X509AuthenticationFilter.class);
	}

	private static <T> T bean(HttpSecurity http, Class<T> type) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		Assert.state(context != null, "MtlsHttpConfigurer needs the ApplicationContext shared object");
		return context.getBean(type);
	}

}
