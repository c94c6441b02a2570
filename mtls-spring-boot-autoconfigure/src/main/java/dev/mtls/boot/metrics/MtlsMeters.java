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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import dev.mtls.boot.event.ClientAuthorizationEvent;
import dev.mtls.boot.event.IdentityRefusedEvent;
import dev.mtls.boot.ssl.MaterialReloadFailedEvent;
import dev.mtls.boot.ssl.MaterialReloadedEvent;
import dev.mtls.boot.ssl.MaterialSource;
import dev.mtls.boot.ssl.MtlsBundleException;
import dev.mtls.boot.ssl.PeerRejection;
import dev.mtls.boot.ssl.PeerVerificationListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.event.EventListener;

/**
 * The mTLS meters. Every counter is created when bound, so recording an outcome on a
 * handshake thread is an array lookup and an increment. Tags are bounded: bundle, side,
 * outcome, reason, role, and a client tag only for identities listed in
 * {@code mtls.metrics.client-tags}.
 *
 * <ul>
 * <li>{@code mtls.peer.verifications} (counter): bundle, side (server/client), outcome
 * (accepted/rejected), reason</li>
 * <li>{@code mtls.handshake} (timer): bundle, side</li>
 * <li>{@code mtls.reloads} (counter): bundle, outcome (success/failure), reason</li>
 * <li>{@code mtls.reload.last.success} (time gauge, epoch seconds): bundle</li>
 * <li>{@code mtls.certificate.expiry} (time gauge, seconds until the soonest expiry):
 * bundle, role (identity/trust/crl)</li>
 * <li>{@code mtls.authorization.decisions} (counter): outcome
 * (allowed/denied/audit_denied), client</li>
 * </ul>
 *
 * @author mtls-spring-boot authors
 */
final class MtlsMeters implements MeterBinder, PeerVerificationListener {

	static final String OTHER_CLIENT = "other";

	private final MaterialSource source;

	private final List<String> clientTags;

	private final Clock clock;

	private volatile Bound bound;

	MtlsMeters(MaterialSource source, List<String> clientTags, Clock clock) {
		this.source = source;
		this.clientTags = List.copyOf(clientTags);
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		boolean first = this.bound == null;
		this.bound = new Bound(registry, this.source.bundleName(), this.clientTags);
		String bundle = this.source.bundleName();
		TimeGauge
			.builder("mtls.reload.last.success", this.source, TimeUnit.SECONDS,
					(source) -> source.current().loadedAt().getEpochSecond())
			.description("Time of the last successful load of the bundle's material (startup or reload)")
			.tag("bundle", bundle)
			.register(registry);
		expiry(registry, bundle, "identity", (source) -> soonest(source.current().chain()));
		expiry(registry, bundle, "trust", (source) -> soonest(source.current().trustAnchors()));
		if (!this.source.current().crls().isEmpty()) {
			expiry(registry, bundle, "crl", (source) -> soonestUpdate(source.current().crls()));
		}
		if (first) {
			this.source.addVerificationListener(this);
		}
	}

	private void expiry(MeterRegistry registry, String bundle, String role, ToLongFunction<MaterialSource> soonest) {
		TimeGauge
			.builder("mtls.certificate.expiry", this.source, TimeUnit.SECONDS,
					(source) -> (soonest.applyAsLong(source) - this.clock.millis()) / 1000.0)
			.description("Seconds until the soonest certificate of the role expires (CRL: its next update)")
			.tags("bundle", bundle, "role", role)
			.register(registry);
	}

	@Override
	public void accepted(Side side) {
		Bound meters = this.bound;
		if (meters != null) {
			meters.accepted.get(side).increment();
		}
	}

	@Override
	public void rejected(Side side, PeerRejection reason) {
		Bound meters = this.bound;
		if (meters != null) {
			meters.rejected.get(side).get(reason).increment();
		}
	}

	@Override
	public void handshakeCompleted(Side side, Duration duration) {
		Bound meters = this.bound;
		if (meters != null) {
			meters.handshakes.get(side).record(duration);
		}
	}

	@EventListener
	void reloaded(MaterialReloadedEvent event) {
		Bound meters = this.bound;
		if (meters != null) {
			meters.reloadSuccess.increment();
		}
	}

	@EventListener
	void reloadFailed(MaterialReloadFailedEvent event) {
		Bound meters = this.bound;
		if (meters != null) {
			meters.reloadFailures.get(event.getReason()).increment();
		}
	}

	@EventListener
	void identityRefused(IdentityRefusedEvent event) {
		rejected(Side.SERVER, PeerRejection.IDENTITY_REFUSED);
	}

	@EventListener
	void authorized(ClientAuthorizationEvent event) {
		Bound meters = this.bound;
		if (meters != null) {
			Map<ClientAuthorizationEvent.Outcome, Counter> counters = meters.decisions.get(event.getClient());
			if (counters == null) {
				counters = meters.decisions.get(OTHER_CLIENT);
			}
			counters.get(event.getOutcome()).increment();
		}
	}

	private static long soonest(List<X509Certificate> certificates) {
		return certificates.stream().mapToLong((certificate) -> certificate.getNotAfter().getTime()).min().orElse(0);
	}

	private static long soonestUpdate(List<X509CRL> crls) {
		return crls.stream()
			.filter((crl) -> crl.getNextUpdate() != null)
			.mapToLong((crl) -> crl.getNextUpdate().getTime())
			.min()
			.orElse(Long.MAX_VALUE);
	}

	/**
	 * The meters bound to one registry.
	 */
	private static final class Bound {

		private final Map<Side, Counter> accepted = new EnumMap<>(Side.class);

		private final Map<Side, Map<PeerRejection, Counter>> rejected = new EnumMap<>(Side.class);

		private final Map<Side, Timer> handshakes = new EnumMap<>(Side.class);

		private final Counter reloadSuccess;

		private final Map<MtlsBundleException.Reason, Counter> reloadFailures = new EnumMap<>(
				MtlsBundleException.Reason.class);

		private final Map<String, Map<ClientAuthorizationEvent.Outcome, Counter>> decisions = new HashMap<>();

		Bound(MeterRegistry registry, String bundle, List<String> clientTags) {
			for (Side side : Side.values()) {
				this.accepted.put(side, verification(registry, bundle, side, "accepted", "none"));
				Map<PeerRejection, Counter> reasons = new EnumMap<>(PeerRejection.class);
				for (PeerRejection reason : PeerRejection.values()) {
					reasons.put(reason, verification(registry, bundle, side, "rejected", reason.tag()));
				}
				this.rejected.put(side, reasons);
				this.handshakes.put(side,
						Timer.builder("mtls.handshake")
							.description("Duration of TLS handshakes on the bundle's SSL context")
							.tags("bundle", bundle, "side", side.tag())
							.register(registry));
			}
			this.reloadSuccess = reload(registry, bundle, "success", "none");
			for (MtlsBundleException.Reason reason : MtlsBundleException.Reason.values()) {
				this.reloadFailures.put(reason, reload(registry, bundle, "failure", tag(reason)));
			}
			for (String client : clientTags) {
				this.decisions.put(client, decisions(registry, client));
			}
			this.decisions.put(OTHER_CLIENT, decisions(registry, OTHER_CLIENT));
		}

		private static Counter verification(MeterRegistry registry, String bundle, Side side, String outcome,
				String reason) {
			return Counter.builder("mtls.peer.verifications")
				.description("Peer certificate verifications, where the decision is made")
				.tags("bundle", bundle, "side", side.tag(), "outcome", outcome, "reason", reason)
				.register(registry);
		}

		private static Counter reload(MeterRegistry registry, String bundle, String outcome, String reason) {
			return Counter.builder("mtls.reloads")
				.description("Reloads of the bundle's material")
				.tags("bundle", bundle, "outcome", outcome, "reason", reason)
				.register(registry);
		}

		private static Map<ClientAuthorizationEvent.Outcome, Counter> decisions(MeterRegistry registry, String client) {
			Map<ClientAuthorizationEvent.Outcome, Counter> counters = new EnumMap<>(
					ClientAuthorizationEvent.Outcome.class);
			for (ClientAuthorizationEvent.Outcome outcome : ClientAuthorizationEvent.Outcome.values()) {
				counters.put(outcome,
						Counter.builder("mtls.authorization.decisions")
							.description("Authorization decisions on client calls")
							.tags("outcome", tag(outcome), "client", client)
							.register(registry));
			}
			return counters;
		}

		private static String tag(Enum<?> value) {
			return value.name().toLowerCase(Locale.ROOT);
		}

	}

}
