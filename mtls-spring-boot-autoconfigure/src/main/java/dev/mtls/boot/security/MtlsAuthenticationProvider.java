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

import java.security.cert.X509Certificate;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Authenticates a {@link PreAuthenticatedAuthenticationToken} whose credentials are a
 * verified client certificate (as Spring Security's {@code x509()} produces), without a
 * user store: the certificate is the credential.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class MtlsAuthenticationProvider implements AuthenticationProvider {

	private final MtlsAuthenticator authenticator;

	/**
	 * Create a provider.
	 * @param authenticator the authenticator
	 */
	public MtlsAuthenticationProvider(MtlsAuthenticator authenticator) {
		this.authenticator = authenticator;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) {
		if (authentication.getCredentials() instanceof X509Certificate certificate) {
			return this.authenticator.authenticate(certificate);
		}
		return null;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return PreAuthenticatedAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
