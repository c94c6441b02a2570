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

import java.io.Serial;
import java.security.cert.X509Certificate;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * An authenticated client: its {@link ClientIdentity} as principal, its certificate as
 * credentials, and the authorities its identity maps to. Instances are immutable and
 * cached per certificate, so a request on an established connection allocates none.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class MtlsAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final ClientIdentity identity;

	private final transient X509Certificate certificate;

	MtlsAuthentication(ClientIdentity identity, X509Certificate certificate,
			Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.identity = identity;
		this.certificate = certificate;
		super.setAuthenticated(true);
	}

	@Override
	public ClientIdentity getPrincipal() {
		return this.identity;
	}

	@Override
	public X509Certificate getCredentials() {
		return this.certificate;
	}

	@Override
	public String getName() {
		return this.identity.name();
	}

	@Override
	public void setAuthenticated(boolean authenticated) {
		if (authenticated != isAuthenticated()) {
			throw new IllegalArgumentException("An MtlsAuthentication is immutable; create a new token instead");
		}
	}

	@Override
	public void setDetails(@Nullable Object details) {
		throw new UnsupportedOperationException("An MtlsAuthentication is shared between requests and immutable");
	}

	@Override
	public void eraseCredentials() {
		// The certificate is public information and the token is shared: nothing to erase
	}

}
