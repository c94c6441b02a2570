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

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.log.LogMessage;

/**
 * Reloads a bundle's material when its files change: reads them afresh, validates the
 * result exactly as at startup, and only then swaps it in. Refused content never replaces
 * good material; it is reported once (a WARN and a {@link MaterialReloadFailedEvent})
 * after it stayed unchanged for the settle time, so that the first of two separate writes
 * (certificate, then key) is simply waited out. Successful reloads publish a
 * {@link MaterialReloadedEvent} and update Spring Boot's {@link SslBundleRegistry}.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class MaterialReloader implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(MaterialReloader.class);

	private final MaterialSource source;

	private final MtlsReloadProperties properties;

	private final ResourceLoader resourceLoader;

	private final ApplicationEventPublisher events;

	private final @Nullable SslBundleRegistry registry;

	private final @Nullable SslBundles bundles;

	private final Clock clock;

	private @Nullable MaterialWatcher watcher;

	private String applied;

	private @Nullable String reported;

	private @Nullable Pending pending;

	private volatile ReloadStatus status = ReloadStatus.NONE;

	MaterialReloader(MaterialSource source, MtlsReloadProperties properties, ResourceLoader resourceLoader,
			ApplicationEventPublisher events, @Nullable SslBundleRegistry registry, @Nullable SslBundles bundles,
			Clock clock) {
		this.source = source;
		this.properties = properties;
		this.resourceLoader = resourceLoader;
		this.events = events;
		this.registry = registry;
		this.bundles = bundles;
		this.clock = clock;
		this.applied = source.initialFingerprint();
	}

	@Override
	public synchronized void start() {
		String bundle = this.source.bundleName();
		if (this.bundles != null) {
			this.bundles.addBundleUpdateHandler(bundle, this::registryUpdated);
		}
		publishToRegistry();
		if (!this.properties.isEnabled()) {
			logger.info(LogMessage.format("Reloading of mTLS bundle '%s' is off (mtls.reload.enabled=false)", bundle));
			return;
		}
		List<Path> files = this.source.files();
		if (files.isEmpty() || this.source.description().load(this.resourceLoader) == null) {
			logger.info(LogMessage.format(
					"mTLS bundle '%s' is not reloaded: its material does not come from files described by spring.ssl.bundle.* properties",
					bundle));
			return;
		}
		MaterialWatcher watcher = new MaterialWatcher(bundle, files, this.properties.getQuietPeriod(),
				this.properties.getPollInterval(), this::check);
		try {
			watcher.start();
			this.watcher = watcher;
			logger.info(LogMessage.format("Watching %s for changes to mTLS bundle '%s' (quiet period %d ms)", files,
					bundle, this.properties.getQuietPeriod().toMillis()));
		}
		catch (IOException ex) {
			logger.warn(LogMessage.format("Unable to watch the files of mTLS bundle '%s'; it will not be reloaded: %s",
					bundle, ex.getMessage()));
		}
	}

	@Override
	public synchronized void stop() {
		if (this.watcher != null) {
			this.watcher.close();
			this.watcher = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.watcher != null;
	}

	/**
	 * Return the outcome of the reloads so far.
	 * @return the reload status
	 */
	public ReloadStatus status() {
		return this.status;
	}

	/**
	 * Check the files now and reload if their content changed.
	 * @return when to check again (a refused change waiting to settle), or {@code null}
	 */
	synchronized @Nullable Duration check() {
		long start = System.nanoTime();
		String fingerprint = ContentFingerprint.of(this.source.files());
		if (fingerprint.equals(this.applied) || fingerprint.equals(this.reported)) {
			this.pending = null;
			return null;
		}
		SslBundle bundle;
		CertificateMaterial material;
		try {
			bundle = load();
			material = this.source.loader().load(bundle, this.source.description());
			this.source.validator().validate(material, this.source.description(), this.source.requiresTrustedChain());
		}
		catch (MtlsBundleException ex) {
			return refused(fingerprint, ex);
		}
		ActiveMaterial previous = this.source.swap(this.source.activate(material, bundle));
		this.applied = fingerprint;
		this.reported = null;
		this.pending = null;
		this.status = this.status.succeeded(this.clock.instant());
		reloaded(previous.material(), material, Duration.ofNanos(System.nanoTime() - start));
		return null;
	}

	private SslBundle load() {
		try {
			SslBundle bundle = this.source.description().load(this.resourceLoader);
			if (bundle == null) {
				throw new IllegalStateException("The bundle is not described by properties");
			}
			return bundle;
		}
		catch (RuntimeException ex) {
			BundleDescription description = this.source.description();
			throw new MtlsBundleException(description.name(), MtlsBundleException.Reason.UNREADABLE,
					description.certificateProperty(),
					"Unable to read the material of SSL bundle '%s' (%s): %s".formatted(description.name(),
							description.certificate(), MaterialLoader.rootMessage(ex)),
					"Check the files configured under spring.ssl.bundle.*.%s.".formatted(description.name()), ex);
		}
	}

	private @Nullable Duration refused(String fingerprint, MtlsBundleException ex) {
		Instant now = this.clock.instant();
		Duration settle = this.properties.getSettleTime();
		if (this.pending == null || !this.pending.fingerprint().equals(fingerprint)) {
			this.pending = new Pending(fingerprint, now);
			if (logger.isDebugEnabled()) {
				logger.debug(LogMessage.format(
						"New material of mTLS bundle '%s' refused for now, waiting for it to settle: %s",
						this.source.bundleName(), ex.getMessage()));
			}
			return settle;
		}
		Duration waited = Duration.between(this.pending.since(), now);
		if (waited.compareTo(settle) < 0) {
			return settle.minus(waited);
		}
		this.pending = null;
		this.reported = fingerprint;
		this.status = this.status.failed(this.clock.instant(), ex.getReason(), ex.getMessage());
		CertificateMaterial current = this.source.current();
		logger.warn(LogMessage.format(
				"mTLS bundle '%s' keeps its current material (serial %s, valid until %s): the changed files were refused: %s Action: %s",
				this.source.bundleName(), MaterialValidator.serial(current.leaf()),
				current.leaf().getNotAfter().toInstant(), ex.getMessage(), ex.getAction()));
		this.events.publishEvent(
				new MaterialReloadFailedEvent(this, this.source.bundleName(), ex.getReason(), ex.getMessage()));
		return null;
	}

	private void reloaded(CertificateMaterial previous, CertificateMaterial current, Duration took) {
		MaterialReloadedEvent event = new MaterialReloadedEvent(this, previous, current);
		logger.info(LogMessage.format(
				"mTLS bundle '%s' reloaded in %d ms: serial %s -> %s, subject '%s', valid until %s, %d trust anchor(s)%s",
				this.source.bundleName(), took.toMillis(), MaterialValidator.serial(previous.leaf()),
				MaterialValidator.serial(current.leaf()), MaterialValidator.subject(current.leaf()),
				current.leaf().getNotAfter().toInstant(), current.trustAnchors().size(),
				event.isTrustChanged() ? " (trust changed)" : ""));
		this.events.publishEvent(event);
		publishToRegistry();
	}

	private void publishToRegistry() {
		if (this.registry == null) {
			return;
		}
		try {
			this.registry.updateBundle(this.source.bundleName(), this.source.sslBundle());
		}
		catch (RuntimeException ex) {
			if (logger.isDebugEnabled()) {
				logger.debug(LogMessage.format("Unable to update SSL bundle '%s' in the registry: %s",
						this.source.bundleName(), ex.getMessage()));
			}
		}
	}

	private void registryUpdated(SslBundle bundle) {
		if (bundle != this.source.sslBundle()) {
			logger.info(LogMessage.format(
					"SSL bundle '%s' was replaced in the registry by another component (for example spring.ssl.bundle.*.%s.reload-on-update); mTLS keeps serving its own validated material",
					this.source.bundleName(), this.source.bundleName()));
			publishToRegistry();
		}
	}

	private record Pending(String fingerprint, Instant since) {
	}

}
