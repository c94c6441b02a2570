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

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of key material reloading ({@code mtls.reload.*}).
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
@ConfigurationProperties("mtls.reload")
public class MtlsReloadProperties {

	/**
	 * Whether to reload key, certificate and trust files when they change.
	 */
	private boolean enabled = true;

	/**
	 * Time without further file events before changed files are read. Validation, not
	 * waiting, protects against half-written files.
	 */
	private Duration quietPeriod = Duration.ofMillis(50);

	/**
	 * Interval of the content check that catches changes whose file events were lost.
	 */
	private Duration pollInterval = Duration.ofSeconds(10);

	/**
	 * Time that refused new content must stay unchanged before the failure is reported,
	 * so that the first of two writes (certificate, then key) is not reported.
	 */
	private Duration settleTime = Duration.ofMillis(500);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getQuietPeriod() {
		return this.quietPeriod;
	}

	public void setQuietPeriod(Duration quietPeriod) {
		this.quietPeriod = quietPeriod;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public Duration getSettleTime() {
		return this.settleTime;
	}

	public void setSettleTime(Duration settleTime) {
		this.settleTime = settleTime;
	}

}
