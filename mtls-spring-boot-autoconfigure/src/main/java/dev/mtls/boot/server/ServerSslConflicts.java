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

import dev.mtls.boot.ssl.MaterialSource;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

/**
 * Refuses to start when Spring Boot's own {@code server.ssl.*} settings contradict mutual
 * TLS on the server: a plain HTTP server, {@code client-auth: none}, or a second source
 * of key material. Each failure names the property and the fix.
 *
 * @author mtls-spring-boot authors
 */
final class ServerSslConflicts {

	private static final String[] MATERIAL_PROPERTIES = { "server.ssl.bundle", "server.ssl.certificate",
			"server.ssl.certificate-private-key", "server.ssl.key-store", "server.ssl.trust-store",
			"server.ssl.trust-certificate" };

	private ServerSslConflicts() {
	}

	static void check(Environment environment, MaterialSource source) {
		String bundle = source.bundleName();
		String disable = "or set mtls.server.enabled=false to let Spring Boot configure the server without mTLS";
		String enabled = environment.getProperty("server.ssl.enabled");
		if ("false".equalsIgnoreCase(enabled)) {
			throw new InvalidConfigurationPropertyValueException("server.ssl.enabled", enabled,
					"mTLS is enabled (mtls.bundle=%s), so the server must serve HTTPS. Remove server.ssl.enabled=false, %s."
						.formatted(bundle, disable));
		}
		String clientAuth = environment.getProperty("server.ssl.client-auth");
		if ("none".equalsIgnoreCase(clientAuth)) {
			throw new InvalidConfigurationPropertyValueException("server.ssl.client-auth", clientAuth,
					"mTLS is enabled (mtls.bundle=%s), so the server must ask for client certificates. Remove server.ssl.client-auth (use mtls.server.client-auth=need|want), %s."
						.formatted(bundle, disable));
		}
		for (String property : MATERIAL_PROPERTIES) {
			String value = environment.getProperty(property);
			if (value != null && !value.isBlank()) {
				throw new InvalidConfigurationPropertyValueException(property, value,
						"mTLS takes the server's key material from the bundle named by mtls.bundle (%s). Remove %s and describe the material under spring.ssl.bundle.*, %s."
							.formatted(bundle, property, disable));
			}
		}
	}

}
