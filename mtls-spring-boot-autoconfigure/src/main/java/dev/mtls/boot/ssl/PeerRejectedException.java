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

import java.io.Serial;
import java.security.cert.CertificateException;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by the mTLS trust manager when it refuses a peer's certificate chain, with the
 * bounded reason.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public class PeerRejectedException extends CertificateException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final PeerRejection reason;

	PeerRejectedException(PeerRejection reason, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/**
	 * Return why the peer was refused.
	 * @return the reason
	 */
	public PeerRejection getReason() {
		return this.reason;
	}

}
