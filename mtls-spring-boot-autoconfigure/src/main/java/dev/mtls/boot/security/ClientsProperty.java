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

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Checks the keys of {@code mtls.authorization.clients}. Without bracket notation Spring
 * Boot drops characters such as {@code :} and {@code /} from map keys, so
 * {@code spiffe://example.org/orders} would silently become a key that matches nobody;
 * such keys fail startup with the fix.
 *
 * @author mtls-spring-boot authors
 */
final class ClientsProperty {

	private ClientsProperty() {
	}

	static void checkTrustDomains(List<String> trustDomains) {
		for (String trustDomain : trustDomains) {
			try {
				SpiffeId.parse(SpiffeId.PREFIX + trustDomain + "/check");
			}
			catch (InvalidSpiffeIdException ex) {
				throw new InvalidConfigurationPropertyValueException("mtls.identity.trust-domains", trustDomain,
						"'%s' is not a SPIFFE trust domain: use lowercase letters, digits, '.', '-' and '_' only, without scheme, port or path (for example example.org)."
							.formatted(trustDomain));
			}
		}
	}

	static void check(Map<String, List<String>> clients) {
		clients.forEach((key, authorities) -> {
			boolean mangled = key.startsWith("spiffe") && !key.startsWith("spiffe://")
					|| (key.contains("//") && !key.contains("://"));
			if (mangled) {
				throw new InvalidConfigurationPropertyValueException("mtls.authorization.clients", key, ("The key '%s' "
						+ "lost characters in binding. Write identity keys in bracket notation, for example "
						+ "mtls.authorization.clients.\"[spiffe://example.org/orders]\": [inventory:read] in YAML or "
						+ "mtls.authorization.clients[spiffe://example.org/orders]=inventory:read in properties.")
					.formatted(key));
			}
		});
	}

}
