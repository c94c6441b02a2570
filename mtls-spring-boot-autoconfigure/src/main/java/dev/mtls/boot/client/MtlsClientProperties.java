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

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of mutual TLS on HTTP clients ({@code mtls.client.*}).
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
@ConfigurationProperties("mtls.client")
public class MtlsClientProperties {

	/**
	 * Whether auto-configured RestClient.Builder and WebClient.Builder beans present the
	 * mTLS bundle's certificate and trust its authorities.
	 */
	private boolean enabled = true;

	/**
	 * Whether to give mTLS clients new connection pools when material is reloaded, so
	 * that idle pooled connections (and their TLS sessions) are not reused. Requests in
	 * flight finish on the old connections.
	 */
	private boolean renewConnectionsOnReload;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isRenewConnectionsOnReload() {
		return this.renewConnectionsOnReload;
	}

	public void setRenewConnectionsOnReload(boolean renewConnectionsOnReload) {
		this.renewConnectionsOnReload = renewConnectionsOnReload;
	}

}
