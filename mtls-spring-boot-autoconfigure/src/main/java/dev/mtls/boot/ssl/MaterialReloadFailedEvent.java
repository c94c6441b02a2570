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

import org.springframework.context.ApplicationEvent;

/**
 * Published when changed key material of a bundle could not be used; the previous
 * material stays in use. Published once per failing content, not per retry.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public class MaterialReloadFailedEvent extends ApplicationEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String bundleName;

	private final MtlsBundleException.Reason reason;

	private final String message;

	MaterialReloadFailedEvent(Object source, String bundleName, MtlsBundleException.Reason reason, String message) {
		super(source);
		this.bundleName = bundleName;
		this.reason = reason;
		this.message = message;
	}

	/**
	 * Return the bundle whose reload failed.
	 * @return the bundle name
	 */
	public String getBundleName() {
		return this.bundleName;
	}

	/**
	 * Return why the new material was refused.
	 * @return the reason
	 */
	public MtlsBundleException.Reason getReason() {
		return this.reason;
	}

	/**
	 * Return the message, naming the property and file.
	 * @return the message
	 */
	public String getMessage() {
		return this.message;
	}

	@Override
	public String toString() {
		return "MaterialReloadFailedEvent[bundle=%s, reason=%s]".formatted(this.bundleName, this.reason);
	}

}
