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

/**
 * What, besides the bundle itself, governs how material is loaded, validated and used:
 * the certificate policy, revocation, TLS settings, and the roles this service plays.
 *
 * @param policy the certificate policy
 * @param revocation the revocation settings
 * @param tls the TLS settings
 * @param server whether this service serves mTLS (its certificate must allow serverAuth)
 * @param client whether this service calls mTLS peers (its certificate must allow
 * clientAuth)
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public record MaterialSettings(MtlsPolicyProperties policy, MtlsRevocationProperties revocation, MtlsTlsProperties tls,
		boolean server, boolean client) {

	/**
	 * Return the default settings: the default policy, no CRLs, the JDK's named groups,
	 * both roles.
	 * @return the settings
	 */
	public static MaterialSettings defaults() {
		return new MaterialSettings(new MtlsPolicyProperties(), new MtlsRevocationProperties(), new MtlsTlsProperties(),
				true, true);
	}

}
