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
package dev.mtls.boot.ssl;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of TLS that Spring Boot's bundle options do not cover
 * ({@code mtls.tls.*}). Protocols and cipher suites are set with the bundle's
 * {@code options.enabled-protocols} and {@code options.ciphers}.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
@ConfigurationProperties("mtls.tls")
public class MtlsTlsProperties {

	/**
	 * Comma-separated list of named groups for key exchange, in preference order (for
	 * example x25519,secp256r1). Empty keeps the JDK's defaults.
	 */
	private List<String> namedGroups = new ArrayList<>();

	public List<String> getNamedGroups() {
		return this.namedGroups;
	}

	public void setNamedGroups(List<String> namedGroups) {
		this.namedGroups = namedGroups;
	}

}
