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
package dev.mtls.boot.event;

import java.io.Serial;

import org.springframework.context.ApplicationEvent;

/**
 * Published once per certificate whose identity is refused although the certificate
 * itself is trusted (two SPIFFE IDs, a trust domain that is not accepted, no name).
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public class IdentityRefusedEvent extends ApplicationEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String reason;

	/**
	 * Create an event.
	 * @param source the component that refused
	 * @param reason the reason, lowercase with underscores (for example
	 * {@code trust_domain_not_accepted})
	 */
	public IdentityRefusedEvent(Object source, String reason) {
		super(source);
		this.reason = reason;
	}

	/**
	 * Return why the identity was refused.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

}
