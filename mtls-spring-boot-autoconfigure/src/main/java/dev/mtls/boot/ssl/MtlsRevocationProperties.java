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
 * Configuration properties of certificate revocation ({@code mtls.revocation.*}).
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
@ConfigurationProperties("mtls.revocation")
public class MtlsRevocationProperties {

	/**
	 * Comma-separated list of certificate revocation list files (PEM or DER, one or more
	 * CRLs each), for example file:/etc/mtls/ca.crl. Every peer chain is checked against
	 * them; they are watched and reloaded like the other material.
	 */
	private List<String> crl = new ArrayList<>();

	/**
	 * What to do when a CRL is past its next update: 'fail' refuses peers whose issuer it
	 * covers, 'allow' keeps using the stale CRL.
	 */
	private StalePolicy staleCrl = StalePolicy.FAIL;

	public List<String> getCrl() {
		return this.crl;
	}

	public void setCrl(List<String> crl) {
		this.crl = crl;
	}

	public StalePolicy getStaleCrl() {
		return this.staleCrl;
	}

	public void setStaleCrl(StalePolicy staleCrl) {
		this.staleCrl = staleCrl;
	}

	/**
	 * What to do with a CRL past its next update.
	 */
	public enum StalePolicy {

		/**
		 * Refuse peers whose revocation status cannot be determined.
		 */
		FAIL,

		/**
		 * Keep checking against the stale CRL.
		 */
		ALLOW

	}

}
