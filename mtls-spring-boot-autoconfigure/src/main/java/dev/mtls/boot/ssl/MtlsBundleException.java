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

import dev.mtls.boot.MtlsConfigurationException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a bundle's key material cannot be used for mutual TLS. It names the bundle,
 * the reason, the property (and file) at fault and what to do about it.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public class MtlsBundleException extends MtlsConfigurationException {

	private final String bundleName;

	private final Reason reason;

	private final @Nullable String property;

	MtlsBundleException(String bundleName, Reason reason, @Nullable String property, String description, String action,
			@Nullable Throwable cause) {
		super(description, action, cause);
		this.bundleName = bundleName;
		this.reason = reason;
		this.property = property;
	}

	/**
	 * Return the bundle whose material is unusable.
	 * @return the bundle name
	 */
	public String getBundleName() {
		return this.bundleName;
	}

	/**
	 * Return why the material is unusable.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Return the configuration property that points at the faulty material, if known.
	 * @return the property name or {@code null}
	 */
	public @Nullable String getProperty() {
		return this.property;
	}

	/**
	 * Why key material is unusable. The values are bounded so that they can tag metrics.
	 */
	public enum Reason {

		/**
		 * A file could not be read or parsed.
		 */
		UNREADABLE,

		/**
		 * The bundle has no private key and certificate to present.
		 */
		NO_KEY,

		/**
		 * The private key does not belong to the certificate.
		 */
		KEY_MISMATCH,

		/**
		 * The certificate has expired.
		 */
		EXPIRED,

		/**
		 * The certificate is not valid yet.
		 */
		NOT_YET_VALID,

		/**
		 * The bundle has no trust anchors to verify peers with.
		 */
		NO_TRUST_ANCHORS,

		/**
		 * The certificate is not issued by the bundle's trust anchors, or claims to be
		 * but does not verify.
		 */
		CHAIN_NOT_TRUSTED,

		/**
		 * The certificate violates the certificate policy its peers apply (a CA
		 * certificate as leaf, wrong extended key usage, weak key or signature).
		 */
		POLICY_VIOLATION,

		/**
		 * A certificate revocation list cannot be read, or is not signed by a trust
		 * anchor.
		 */
		CRL_INVALID,

		/**
		 * The TLS options allow an insecure or unknown protocol, cipher suite or group.
		 */
		INSECURE_TLS_OPTIONS

	}

}
