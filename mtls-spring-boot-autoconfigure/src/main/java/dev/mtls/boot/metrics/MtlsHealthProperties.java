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
package dev.mtls.boot.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the mTLS health indicator ({@code mtls.health.*}).
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
@ConfigurationProperties("mtls.health")
public class MtlsHealthProperties {

	/**
	 * How long before the identity certificate, an intermediate or a trust anchor expires
	 * the health indicator reports EXPIRING instead of UP.
	 */
	private Duration expiryWarning = Duration.ofDays(14);

	public Duration getExpiryWarning() {
		return this.expiryWarning;
	}

	public void setExpiryWarning(Duration expiryWarning) {
		this.expiryWarning = expiryWarning;
	}

}
