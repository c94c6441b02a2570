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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogMessage;

/**
 * The WARN lines of {@code mtls.authorization.mode=audit}: one per client and endpoint
 * that would have been denied, at most 1024 in all, so a busy endpoint does not flood the
 * log (the {@code mtls.authorization.decisions} counter keeps counting).
 *
 * @author mtls-spring-boot authors
 */
final class AuditLog {

	private static final Log logger = LogFactory.getLog(AuditLog.class);

	private static final int MAX_LOGGED = 1024;

	private final Map<String, Boolean> logged = new ConcurrentHashMap<>();

	void wouldDeny(@Nullable String client, String endpoint, String rule) {
		String key = client + " " + endpoint;
		if (this.logged.size() < MAX_LOGGED && this.logged.putIfAbsent(key, Boolean.TRUE) == null) {
			logger.warn(LogMessage.format(
					"AUDIT (mtls.authorization.mode=audit): %s calling %s would be denied by %s; allowed",
					(client != null) ? client : "an unauthenticated client", endpoint, rule));
		}
	}

}
