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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mtls.boot.event.IdentityRefusedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.log.LogMessage;

/**
 * Authenticates a client from its verified certificate: extracts the identity, maps its
 * authorities and caches the outcome (the authentication, or the refusal) per
 * certificate. A keep-alive request, or a new connection with a certificate seen before,
 * does no parsing: one hash lookup on the certificate (whose hash code the JDK caches).
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class MtlsAuthenticator {

	private static final Log logger = LogFactory.getLog(MtlsAuthenticator.class);

	static final int MAX_CACHED = 10_000;

	private final ClientIdentityExtractor extractor;

	private final AuthorityMapper authorityMapper;

	private final Map<X509Certificate, Object> cache = new ConcurrentHashMap<>();

	private final ApplicationEventPublisher events;

	/**
	 * Create an authenticator.
	 * @param extractor the identity extractor
	 * @param authorityMapper the authority mapper
	 * @param events where refused identities are published (once per certificate)
	 */
	public MtlsAuthenticator(ClientIdentityExtractor extractor, AuthorityMapper authorityMapper,
			ApplicationEventPublisher events) {
		this.extractor = extractor;
		this.authorityMapper = authorityMapper;
		this.events = events;
	}

	/**
	 * Authenticate a client certificate that the TLS handshake verified.
	 * @param certificate the client's leaf certificate
	 * @return the authentication
	 * @throws IdentityRefusedException if the certificate carries no acceptable identity
	 */
	public MtlsAuthentication authenticate(X509Certificate certificate) {
		Object outcome = this.cache.get(certificate);
		if (outcome == null) {
			outcome = compute(certificate);
			if (this.cache.size() >= MAX_CACHED) {
				this.cache.clear();
			}
			this.cache.put(certificate, outcome);
		}
		if (outcome instanceof IdentityRefusedException refused) {
			throw refused;
		}
		return (MtlsAuthentication) outcome;
	}

	private Object compute(X509Certificate certificate) {
		try {
			ClientIdentity identity = this.extractor.extract(certificate);
			MtlsAuthentication authentication = new MtlsAuthentication(identity, certificate,
					this.authorityMapper.authorities(identity));
			if (logger.isDebugEnabled()) {
				logger.debug(LogMessage.format("Authenticated client %s with authorities %s", identity,
						authentication.getAuthorities()));
			}
			return authentication;
		}
		catch (IdentityRefusedException ex) {
			if (logger.isDebugEnabled()) {
				logger.debug(LogMessage.format("Refused client certificate: %s", ex.getMessage()));
			}
			this.events.publishEvent(new IdentityRefusedEvent(this, ex.getReason().name().toLowerCase(Locale.ROOT)));
			return ex;
		}
	}

}
