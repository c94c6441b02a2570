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

import java.util.LinkedHashMap;
import java.util.Map;

import dev.mtls.boot.ssl.CertificateMaterial;
import dev.mtls.boot.ssl.MaterialReloader;
import dev.mtls.boot.ssl.MaterialSource;
import dev.mtls.boot.ssl.ReloadStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code GET /actuator/mtls}: the live material of the mTLS bundle (identity certificate
 * and chain, trust anchors, CRLs with their dates, TLS protocols and suites) and the
 * outcome of its reloads. Public certificate information only: never key material or
 * passwords. Not exposed over HTTP unless listed in
 * {@code management.endpoints.web.exposure.include}.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
@Endpoint(id = "mtls")
public class MtlsEndpoint {

	private final MaterialSource source;

	private final @Nullable MaterialReloader reloader;

	MtlsEndpoint(MaterialSource source, @Nullable MaterialReloader reloader) {
		this.source = source;
		this.reloader = reloader;
	}

	/**
	 * Describe the live material of each bundle.
	 * @return the description, keyed by bundle name
	 */
	@ReadOperation
	public Map<String, Object> material() {
		CertificateMaterial material = this.source.current();
		Map<String, Object> bundle = new LinkedHashMap<>();
		bundle.put("identity", CertificateDescriptions.certificate(material.leaf()));
		bundle.put("chain", CertificateDescriptions.certificates(material.chain()));
		bundle.put("trustAnchors", CertificateDescriptions.certificates(material.trustAnchors()));
		bundle.put("crls", material.crls().stream().map(CertificateDescriptions::crl).toList());
		bundle.put("loadedAt", material.loadedAt().toString());
		bundle.put("protocols", this.source.protocols());
		bundle.put("cipherSuites", this.source.ciphers());
		bundle.put("reload", reload());
		return Map.of("bundles", Map.of(this.source.bundleName(), bundle));
	}

	private Map<String, Object> reload() {
		Map<String, Object> reload = new LinkedHashMap<>();
		ReloadStatus status = (this.reloader != null) ? this.reloader.status() : null;
		reload.put("enabled", this.reloader != null && this.reloader.isRunning());
		reload.put("successes", (status != null) ? status.successes() : 0);
		reload.put("failures", (status != null) ? status.failures() : 0);
		reload.put("lastOutcome", (status != null) ? status.lastOutcome() : "none");
		if (status != null && status.lastAttempt() != null) {
			reload.put("lastAttempt", status.lastAttempt().toString());
		}
		if (status != null && status.lastSuccess() != null) {
			reload.put("lastSuccess", status.lastSuccess().toString());
		}
		if (status != null && status.lastFailureReason() != null) {
			reload.put("lastFailureReason", status.lastFailureReason().name().toLowerCase(java.util.Locale.ROOT));
			reload.put("lastFailureMessage", status.lastFailureMessage());
		}
		return reload;
	}

}
