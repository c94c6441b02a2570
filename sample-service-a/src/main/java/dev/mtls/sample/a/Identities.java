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
package dev.mtls.sample.a;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.mtls.boot.security.ClientIdentity;

/**
 * Describes a caller for the JSON responses of this sample.
 *
 * @author mtls-spring-boot authors
 */
final class Identities {

	private Identities() {
	}

	static Map<String, Object> describe(ClientIdentity identity) {
		Map<String, Object> caller = new LinkedHashMap<>();
		caller.put("principal", identity.name());
		caller.put("spiffeId", String.valueOf(identity.spiffeId()));
		caller.put("commonName", identity.commonName());
		caller.put("serial", identity.serial());
		caller.put("issuer", identity.issuer());
		caller.put("notAfter", identity.notAfter().toString());
		return caller;
	}

}
