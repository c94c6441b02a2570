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

import dev.mtls.boot.ssl.MaterialSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.core.env.Environment;
import org.springframework.core.log.LogMessage;

/**
 * Decides the {@link HttpClientSettings} that mTLS clients are built with: Spring Boot's
 * settings plus the live mTLS bundle, unless the user chose another bundle with
 * {@code spring.http.clients.ssl.bundle}, which is honoured.
 *
 * @author mtls-spring-boot authors
 */
final class ClientSettings {

	private static final Log logger = LogFactory.getLog(ClientSettings.class);

	static final String BOOT_PROPERTY = "spring.http.clients.ssl.bundle";

	private final HttpClientSettings plain;

	private final @Nullable HttpClientSettings mtls;

	private ClientSettings(HttpClientSettings plain, @Nullable HttpClientSettings mtls) {
		this.plain = plain;
		this.mtls = mtls;
	}

	static ClientSettings of(@Nullable HttpClientSettings configured, MaterialSource source, Environment environment,
			String clientKind) {
		HttpClientSettings settings = (configured != null) ? configured : HttpClientSettings.defaults();
		String bootBundle = environment.getProperty(BOOT_PROPERTY);
		if (bootBundle == null || bootBundle.equals(source.bundleName())) {
			return new ClientSettings(settings.withSslBundle(null), settings.withSslBundle(source.sslBundle()));
		}
		logger.info(LogMessage.format("%s=%s is set, so %s beans use that bundle and not the mTLS bundle '%s'",
				BOOT_PROPERTY, bootBundle, clientKind, source.bundleName()));
		return new ClientSettings(settings.withSslBundle(null), null);
	}

	/**
	 * Return the settings with the mTLS bundle, or {@code null} if the user's own bundle
	 * applies.
	 * @return the settings or {@code null}
	 */
	@Nullable HttpClientSettings mtls() {
		return this.mtls;
	}

	/**
	 * Return the settings without any SSL bundle, for clients that opt out.
	 * @return the settings
	 */
	HttpClientSettings plain() {
		return this.plain;
	}

}
