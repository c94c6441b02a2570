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
package dev.mtls.boot.dev;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the development PKI ({@code mtls.dev.*}).
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
@ConfigurationProperties("mtls.dev")
public class DevPkiProperties {

	/**
	 * Whether to generate a development certificate authority and a certificate for this
	 * service, and use them as the bundle named by mtls.bundle. Never for production.
	 */
	private boolean enabled;

	/**
	 * SPIFFE trust domain of the development certificates.
	 */
	private String trustDomain = "example.org";

	/**
	 * Directory that holds the development CA and the certificates of each service.
	 * Services that share it trust each other.
	 */
	private String directory = ".mtls-dev";

	/**
	 * Validity of each service certificate. Certificates are reissued at startup when
	 * less than a quarter of it remains.
	 */
	private Duration certificateValidity = Duration.ofDays(30);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getTrustDomain() {
		return this.trustDomain;
	}

	public void setTrustDomain(String trustDomain) {
		this.trustDomain = trustDomain;
	}

	public String getDirectory() {
		return this.directory;
	}

	public void setDirectory(String directory) {
		this.directory = directory;
	}

	public Duration getCertificateValidity() {
		return this.certificateValidity;
	}

	public void setCertificateValidity(Duration certificateValidity) {
		this.certificateValidity = certificateValidity;
	}

}
