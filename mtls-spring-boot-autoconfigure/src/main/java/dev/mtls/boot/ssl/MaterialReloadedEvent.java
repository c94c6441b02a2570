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
 * Published when new key material of a bundle has been validated and swapped in.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public class MaterialReloadedEvent extends ApplicationEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient CertificateMaterial previous;

	private final transient CertificateMaterial current;

	MaterialReloadedEvent(Object source, CertificateMaterial previous, CertificateMaterial current) {
		super(source);
		this.previous = previous;
		this.current = current;
	}

	/**
	 * Return the bundle that was reloaded.
	 * @return the bundle name
	 */
	public String getBundleName() {
		return this.current.bundleName();
	}

	/**
	 * Return the material that was in use before (serial, subject and validity of its
	 * leaf are at hand through {@link CertificateMaterial#leaf()}).
	 * @return the previous material
	 */
	public CertificateMaterial getPrevious() {
		return this.previous;
	}

	/**
	 * Return the material in use now.
	 * @return the current material
	 */
	public CertificateMaterial getCurrent() {
		return this.current;
	}

	/**
	 * Return whether the trust anchors changed with this reload.
	 * @return whether trust changed
	 */
	public boolean isTrustChanged() {
		return !this.previous.trustAnchors().equals(this.current.trustAnchors());
	}

	@Override
	public String toString() {
		return "MaterialReloadedEvent[bundle=%s, serial %s -> %s, notAfter %s]".formatted(getBundleName(),
				MaterialValidator.serial(this.previous.leaf()), MaterialValidator.serial(this.current.leaf()),
				this.current.leaf().getNotAfter().toInstant());
	}

}
