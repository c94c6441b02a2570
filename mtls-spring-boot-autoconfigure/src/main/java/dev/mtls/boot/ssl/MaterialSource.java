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

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.ssl.SslProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.log.LogMessage;

/**
 * The one place that reads key material. It loads a bundle into an immutable
 * {@link CertificateMaterial}, validates it, and serves it through one long-lived
 * {@link SSLContext} whose key and trust managers read the current snapshot at every
 * handshake. Everything else in the starter gets material from here.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class MaterialSource {

	private static final Log logger = LogFactory.getLog(MaterialSource.class);

	private final BundleDescription description;

	private final List<Path> files;

	private final String initialFingerprint;

	private final MaterialLoader loader;

	private final MaterialValidator validator;

	private final ActiveMaterial.Verification verification;

	private final VerificationListeners listeners;

	private final boolean chainsToTrustAnchor;

	private final SwappableKeyManager keyManager;

	private final SwappableTrustManager trustManager;

	private final SslOptions options;

	private final List<String> namedGroups;

	private volatile ActiveMaterial active;

	private volatile SSLContext jsseContext;

	private final SSLContext sslContext;

	private final MtlsSslBundle sslBundle;

	private MaterialSource(Loaded loaded) {
		this.description = loaded.description();
		this.files = loaded.files();
		this.initialFingerprint = loaded.fingerprint();
		this.loader = loaded.loader();
		this.validator = loaded.validator();
		this.verification = loaded.verification();
		this.listeners = loaded.listeners();
		this.chainsToTrustAnchor = MaterialValidator.issuedByTrustAnchor(loaded.material());
		this.active = ActiveMaterial.of(loaded.material(), loaded.bundle(), this.verification);
		this.keyManager = new SwappableKeyManager(this::active);
		this.trustManager = new SwappableTrustManager(this::active);
		this.jsseContext = createSslContext(this.active.source().getProtocol(), this.keyManager, this.trustManager);
		this.options = loaded.options();
		this.namedGroups = loaded.namedGroups();
		this.sslContext = new LiveSslContext(() -> this.jsseContext, this.namedGroups, this.listeners);
		this.sslBundle = new MtlsSslBundle(this::active, this.sslContext, this.options, this.keyManager,
				this.trustManager);
	}

	/**
	 * Load and validate the material of a bundle.
	 * @param bundleName the bundle name ({@code mtls.bundle})
	 * @param bundles the registered bundles
	 * @param properties Spring Boot's SSL properties, used to name the properties and
	 * files behind the bundle
	 * @param resourceLoader the resource loader that resolves the bundle's locations
	 * @param settings the policy, revocation and TLS settings
	 * @param clock the clock that validity is checked against
	 * @return the material source
	 * @throws InvalidConfigurationPropertyValueException if no such bundle exists
	 * @throws MtlsBundleException if the material or its settings are unusable
	 */
	public static MaterialSource load(String bundleName, SslBundles bundles, @Nullable SslProperties properties,
			ResourceLoader resourceLoader, MaterialSettings settings, Clock clock) {
		SslBundle bundle = bundle(bundleName, bundles);
		BundleDescription description = BundleDescription.of(bundleName, properties);
		MaterialLoader loader = new MaterialLoader(clock, resourceLoader, settings.revocation().getCrl());
		List<Path> files = new ArrayList<>(description.files(resourceLoader));
		files.addAll(loader.crlFiles());
		String fingerprint = ContentFingerprint.of(files);
		PeerPolicy policy = new PeerPolicy(settings.policy());
		MaterialValidator validator = new MaterialValidator(clock, policy, settings);
		CertificateMaterial material = loader.load(bundle, description);
		validator.validate(material, description);
		SslOptions options = TlsOptions.check(bundle.getOptions(), description);
		List<String> namedGroups = TlsOptions.checkNamedGroups(settings.tls().getNamedGroups(), description);
		TlsOptions.applyJvmSettings(namedGroups);
		VerificationListeners listeners = new VerificationListeners();
		ActiveMaterial.Verification verification = new ActiveMaterial.Verification(policy,
				settings.revocation().getStaleCrl() == MtlsRevocationProperties.StalePolicy.ALLOW, clock, listeners);
		MaterialSource source = new MaterialSource(new Loaded(description, files, fingerprint, loader, validator,
				verification, listeners, material, bundle, options, namedGroups));
		KeyFilePermissions.warnIfWorldReadable(description, resourceLoader);
		logger.info(LogMessage.format(
				"mTLS bundle '%s' loaded: subject '%s', serial %s, valid until %s, %d trust anchor(s), %d CRL(s)",
				bundleName, MaterialValidator.subject(material.leaf()), MaterialValidator.serial(material.leaf()),
				material.leaf().getNotAfter().toInstant(), material.trustAnchors().size(), material.crls().size()));
		return source;
	}

	private static SslBundle bundle(String bundleName, SslBundles bundles) {
		try {
			return bundles.getBundle(bundleName);
		}
		catch (NoSuchSslBundleException ex) {
			List<String> known = bundles.getBundleNames();
			throw new InvalidConfigurationPropertyValueException("mtls.bundle", bundleName,
					("No SSL bundle named '%s' is configured (known bundles: %s). Define it with "
							+ "spring.ssl.bundle.pem.%s.* or spring.ssl.bundle.jks.%s.*, or set mtls.bundle to one of the known bundles.")
						.formatted(bundleName, known.isEmpty() ? "none" : String.join(", ", known), bundleName,
								bundleName));
		}
	}

	/**
	 * Return the name of the bundle.
	 * @return the bundle name
	 */
	public String bundleName() {
		return this.description.name();
	}

	/**
	 * Return the material in use now.
	 * @return the current material
	 */
	public CertificateMaterial current() {
		return this.active.material();
	}

	/**
	 * Return the long-lived SSL context of this bundle. Its managers always use the
	 * current material.
	 * @return the SSL context
	 */
	public SSLContext sslContext() {
		return this.sslContext;
	}

	/**
	 * Return a live {@link SslBundle} over this source, for Spring Boot consumers.
	 * @return the bundle
	 */
	public SslBundle sslBundle() {
		return this.sslBundle;
	}

	/**
	 * Return the enabled TLS protocols, from the bundle's options or the defaults (TLS
	 * 1.3 and 1.2).
	 * @return the protocols
	 */
	public List<String> protocols() {
		return List.of(this.options.getEnabledProtocols());
	}

	/**
	 * Return the enabled cipher suites, from the bundle's options or the defaults
	 * (forward-secret AEAD suites).
	 * @return the cipher suites
	 */
	public List<String> ciphers() {
		return List.of(this.options.getCiphers());
	}

	/**
	 * Return the named groups for key exchange, or an empty list for the JDK's defaults.
	 * @return the named groups
	 */
	public List<String> namedGroups() {
		return this.namedGroups;
	}

	/**
	 * Register a listener of peer verifications and handshakes of this bundle.
	 * @param listener the listener
	 */
	public void addVerificationListener(PeerVerificationListener listener) {
		this.listeners.add(listener);
	}

	ActiveMaterial active() {
		return this.active;
	}

	/**
	 * Wrap reloaded material the way this source verifies peers.
	 * @param material the validated material
	 * @param bundle the Spring Boot bundle it came from
	 * @return the active material
	 */
	ActiveMaterial activate(CertificateMaterial material, SslBundle bundle) {
		return ActiveMaterial.of(material, bundle, this.verification);
	}

	/**
	 * Swap in new, validated material. Handshakes from now on use it. The JSSE context
	 * behind the long-lived {@link #sslContext()} is replaced too, so that no session
	 * established with the old certificates or under the old trust is resumed (JSSE
	 * resumes sessions without consulting key or trust managers).
	 * @param material the new material
	 * @return the previous material
	 */
	synchronized ActiveMaterial swap(ActiveMaterial material) {
		ActiveMaterial previous = this.active;
		this.active = material;
		this.jsseContext = createSslContext(material.source().getProtocol(), this.keyManager, this.trustManager);
		return previous;
	}

	/**
	 * Return whether the material seen at startup was issued by one of its own trust
	 * anchors; reloaded material must then be too.
	 * @return whether reloaded material must chain to a trust anchor
	 */
	boolean requiresTrustedChain() {
		return this.chainsToTrustAnchor;
	}

	BundleDescription description() {
		return this.description;
	}

	List<Path> files() {
		return this.files;
	}

	String initialFingerprint() {
		return this.initialFingerprint;
	}

	MaterialLoader loader() {
		return this.loader;
	}

	MaterialValidator validator() {
		return this.validator;
	}

	private static SSLContext createSslContext(String protocol, KeyManager keyManager, TrustManager trustManager) {
		try {
			SSLContext context = SSLContext.getInstance(protocol);
			context.init(new KeyManager[] { keyManager }, new TrustManager[] { trustManager }, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Unable to create the mTLS SSL context", ex);
		}
	}

	private record Loaded(BundleDescription description, List<Path> files, String fingerprint, MaterialLoader loader,
			MaterialValidator validator, ActiveMaterial.Verification verification, VerificationListeners listeners,
			CertificateMaterial material, SslBundle bundle, SslOptions options, List<String> namedGroups) {
	}

}
