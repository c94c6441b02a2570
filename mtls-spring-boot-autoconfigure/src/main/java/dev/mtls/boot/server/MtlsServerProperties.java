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
package dev.mtls.boot.server;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the mutual TLS server ({@code mtls.server.*}).
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
@ConfigurationProperties("mtls.server")
public class MtlsServerProperties {

	/**
	 * Whether to serve HTTPS with the mTLS bundle, asking for client certificates, on
	 * embedded Tomcat.
	 */
	private boolean enabled = true;

	/**
	 * Whether client certificates are required ('need') or only requested ('want').
	 */
	private ClientAuth clientAuth = ClientAuth.NEED;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public ClientAuth getClientAuth() {
		return this.clientAuth;
	}

	public void setClientAuth(ClientAuth clientAuth) {
		this.clientAuth = clientAuth;
	}

	/**
	 * How the server asks for client certificates.
	 */
	public enum ClientAuth {

		/**
		 * A client certificate is required: the handshake fails without one.
		 */
		NEED,

		/**
		 * A client certificate is requested; the handshake succeeds without one and the
		 * application decides.
		 */
		WANT

	}

}
