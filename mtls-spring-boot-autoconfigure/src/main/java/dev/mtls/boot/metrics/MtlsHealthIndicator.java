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

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.mtls.boot.ssl.CertificateMaterial;
import dev.mtls.boot.ssl.MaterialReloader;
import dev.mtls.boot.ssl.MaterialSource;
import dev.mtls.boot.ssl.ReloadStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of a bundle's material: {@code DOWN} when the identity certificate, an
 * intermediate or a trust anchor has expired (or is not valid yet), {@code EXPIRING} when
 * one of them expires within {@code mtls.health.expiry-warning} (HTTP 200 unless mapped
 * otherwise), {@code UP} otherwise. Details show the soonest expiry and the outcome of
 * the last reload. A CRL past its next update is {@code DOWN} too while
 * {@code mtls.revocation.stale-crl=fail}, because every peer is refused until it is
 * replaced.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class MtlsHealthIndicator extends AbstractHealthIndicator {

	/**
	 * The status of material that expires within the warning threshold.
	 */
	public static final Status EXPIRING = new Status("EXPIRING",
			"A certificate expires within mtls.health.expiry-warning");

	private final MaterialSource source;

	private final @Nullable MaterialReloader reloader;

	private final Duration warning;

	private final boolean staleCrlRefusesPeers;

	private final Clock clock;

	MtlsHealthIndicator(MaterialSource source, @Nullable MaterialReloader reloader, Duration warning,
			boolean staleCrlRefusesPeers, Clock clock) {
		super("mTLS material health check failed");
		this.source = source;
		this.reloader = reloader;
		this.warning = warning;
		this.staleCrlRefusesPeers = staleCrlRefusesPeers;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		CertificateMaterial material = this.source.current();
		Instant now = this.clock.instant();
		Soonest soonest = soonest(material);
		builder.withDetail("bundle", this.source.bundleName());
		builder.withDetail("subject", material.leaf().getSubjectX500Principal().getName());
		builder.withDetail("serial", material.leaf().getSerialNumber().toString(16));
		builder.withDetail("soonestExpiry", soonest.describe(now));
		builder.withDetail("lastReload", lastReload());
		Instant notAfter = soonest.certificate().getNotAfter().toInstant();
		X509CRL staleCrl = this.staleCrlRefusesPeers ? staleCrl(material, now) : null;
		if (now.isAfter(notAfter) || notYetValid(material, now)) {
			builder.down().withDetail("reason", now.isAfter(notAfter) ? "expired" : "not yet valid");
		}
		else if (staleCrl != null) {
			builder.down()
				.withDetail("reason", "stale crl")
				.withDetail("crl", Map.of("issuer", staleCrl.getIssuerX500Principal().getName(), "nextUpdate",
						staleCrl.getNextUpdate().toInstant().toString()));
		}
		else if (Duration.between(now, notAfter).compareTo(this.warning) < 0) {
			builder.status(EXPIRING);
		}
		else {
			builder.up();
		}
	}

	private static @Nullable X509CRL staleCrl(CertificateMaterial material, Instant now) {
		for (X509CRL crl : material.crls()) {
			if (crl.getNextUpdate() != null && now.isAfter(crl.getNextUpdate().toInstant())) {
				return crl;
			}
		}
		return null;
	}

	private static boolean notYetValid(CertificateMaterial material, Instant now) {
		return material.leaf().getNotBefore().toInstant().isAfter(now);
	}

	private Map<String, Object> lastReload() {
		Map<String, Object> details = new LinkedHashMap<>();
		ReloadStatus status = (this.reloader != null) ? this.reloader.status() : null;
		details.put("outcome", (status != null) ? status.lastOutcome() : "none");
		if (status != null && status.lastAttempt() != null) {
			details.put("time", status.lastAttempt().toString());
		}
		if (status != null && status.lastFailureReason() != null) {
			details.put("reason", status.lastFailureReason().name().toLowerCase(Locale.ROOT));
			details.put("message", status.lastFailureMessage());
		}
		return details;
	}

	private static Soonest soonest(CertificateMaterial material) {
		Soonest soonest = null;
		for (X509Certificate certificate : material.chain()) {
			soonest = Soonest.earlier(soonest, certificate,
					(certificate == material.leaf()) ? "identity" : "intermediate");
		}
		for (X509Certificate anchor : material.trustAnchors()) {
			soonest = Soonest.earlier(soonest, anchor, "trust");
		}
		return soonest;
	}

	private record Soonest(X509Certificate certificate, String role) {

		static Soonest earlier(@Nullable Soonest current, X509Certificate candidate, String role) {
			if (current == null || candidate.getNotAfter().before(current.certificate().getNotAfter())) {
				return new Soonest(candidate, role);
			}
			return current;
		}

		Map<String, Object> describe(Instant now) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("role", this.role);
			details.put("subject", this.certificate.getSubjectX500Principal().getName());
			details.put("notAfter", this.certificate.getNotAfter().toInstant().toString());
			details.put("remaining", Duration.between(now, this.certificate.getNotAfter().toInstant()).toString());
			return details;
		}

	}

}
