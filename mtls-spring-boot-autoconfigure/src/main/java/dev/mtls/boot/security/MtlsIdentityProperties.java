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

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of client identities ({@code mtls.identity.*}).
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
@ConfigurationProperties("mtls.identity")
public class MtlsIdentityProperties {

	/**
	 * Whether to authenticate callers as Spring Security principals from their verified
	 * client certificates.
	 */
	private boolean enabled = true;

	/**
	 * Comma-separated list of the sources of the principal name, in order; the first that
	 * yields a name wins.
	 */
	private List<IdentitySource> sources = new ArrayList<>(
			List.of(IdentitySource.SPIFFE, IdentitySource.URI, IdentitySource.DNS, IdentitySource.CN));

	/**
	 * Comma-separated list of accepted SPIFFE trust domains. When set, certificates
	 * without a SPIFFE ID of one of them are refused before any controller runs.
	 */
	private List<String> trustDomains = new ArrayList<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<IdentitySource> getSources() {
		return this.sources;
	}

	public void setSources(List<IdentitySource> sources) {
		this.sources = sources;
	}

	public List<String> getTrustDomains() {
		return this.trustDomains;
	}

	public void setTrustDomains(List<String> trustDomains) {
		this.trustDomains = trustDomains;
	}

}
