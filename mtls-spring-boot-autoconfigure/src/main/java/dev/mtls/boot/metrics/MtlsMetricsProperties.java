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

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the mTLS meters ({@code mtls.metrics.*}).
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
@ConfigurationProperties("mtls.metrics")
public class MtlsMetricsProperties {

	/**
	 * Whether to export the mTLS meters (peer verifications, handshakes, reloads,
	 * certificate expiry, authorization decisions).
	 */
	private boolean enabled = true;

	/**
	 * Comma-separated list of client identities that get their own value of the 'client'
	 * tag of mtls.authorization.decisions; all others count as 'other'. Keeps the tag
	 * bounded.
	 */
	private List<String> clientTags = new ArrayList<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getClientTags() {
		return this.clientTags;
	}

	public void setClientTags(List<String> clientTags) {
		this.clientTags = clientTags;
	}

}
