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

import java.io.IOException;
import java.security.cert.X509Certificate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.ClassUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates each request from the client certificate that the TLS handshake verified
 * (the servlet attribute {@code jakarta.servlet.request.X509Certificate}). The identity
 * is cached per certificate, so a keep-alive request only looks it up. A certificate
 * whose identity is refused gets a 403 problem response before any controller runs; a
 * request without a certificate continues unauthenticated.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class MtlsAuthenticationFilter extends OncePerRequestFilter {

	static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

	/**
	 * The logging MDC key that holds the verified client identity during a request.
	 */
	public static final String MDC_KEY = "mtls.client";

	private static final boolean MDC_PRESENT = ClassUtils.isPresent("org.slf4j.MDC",
			MtlsAuthenticationFilter.class.getClassLoader());

	private final MtlsAuthenticator authenticator;

	private final ProblemResponses problems;

	private final SecurityContextHolderStrategy contextHolder;

	MtlsAuthenticationFilter(MtlsAuthenticator authenticator, ProblemResponses problems,
			SecurityContextHolderStrategy contextHolder) {
		this.authenticator = authenticator;
		this.problems = problems;
		this.contextHolder = contextHolder;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getAttribute(CERTIFICATE_ATTRIBUTE) instanceof X509Certificate[] certificates
				&& certificates.length > 0 && !isAuthenticated()) {
			MtlsAuthentication authentication;
			try {
				authentication = this.authenticator.authenticate(certificates[0]);
			}
			catch (IdentityRefusedException ex) {
				this.problems.refused(request, response, ex);
				return;
			}
			authenticate(authentication);
			if (!MDC_PRESENT) {
				chain.doFilter(request, response);
				return;
			}
			MDC.put(MDC_KEY, authentication.getName());
			try {
				chain.doFilter(request, response);
			}
			finally {
				MDC.remove(MDC_KEY);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean isAuthenticated() {
		Authentication current = this.contextHolder.getContext().getAuthentication();
		return current != null && current.isAuthenticated();
	}

	private void authenticate(MtlsAuthentication authentication) {
		SecurityContext context = this.contextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		this.contextHolder.setContext(context);
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
