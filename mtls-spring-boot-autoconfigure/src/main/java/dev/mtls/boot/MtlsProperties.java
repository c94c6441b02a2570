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
package dev.mtls.boot;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Root configuration properties of mutual TLS ({@code mtls.*}). Key material itself is
 * described with Spring Boot's own {@code spring.ssl.bundle.*} properties.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
@ConfigurationProperties("mtls")
public class MtlsProperties {

	/**
	 * Whether to enable mutual TLS. When disabled, no bundle is loaded, and the server,
	 * the clients and security stay as Spring Boot configures them.
	 */
	private boolean enabled = true;

	/**
	 * Name of the SSL bundle (spring.ssl.bundle.*) that this service presents to its
	 * peers and whose trust material verifies them. Nothing is configured while it is
	 * unset.
	 */
	private @Nullable String bundle;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getBundle() {
		return this.bundle;
	}

	public void setBundle(@Nullable String bundle) {
		this.bundle = bundle;
	}

}
