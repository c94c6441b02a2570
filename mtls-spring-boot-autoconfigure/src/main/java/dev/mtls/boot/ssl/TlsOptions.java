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

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ssl.SslOptions;
import org.springframework.core.log.LogMessage;

/**
 * Decides and checks the TLS protocols, cipher suites and named groups of a bundle: the
 * bundle's own {@code options.*} if set, otherwise TLS 1.3 and 1.2 with forward-secret
 * AEAD suites. Anything older than TLS 1.2, any suite without forward secrecy or AEAD,
 * and any name the JDK does not know fails startup with the property to fix.
 *
 * @author mtls-spring-boot authors
 */
final class TlsOptions {

	static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

	static final List<String> CIPHERS = List.of(
			// TLS 1.3
			"TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
			// TLS 1.2, ECDHE with AEAD only
			"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
			"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
			"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

	static final Set<String> NAMED_GROUPS = Set.of("x25519", "x448", "secp256r1", "secp384r1", "secp521r1", "ffdhe2048",
			"ffdhe3072", "ffdhe4096", "ffdhe6144", "ffdhe8192", "X25519MLKEM768");

	private static final Log logger = LogFactory.getLog(TlsOptions.class);

	private static final String REJECT_RENEGOTIATION = "jdk.tls.rejectClientInitiatedRenegotiation";

	private static final String JDK_NAMED_GROUPS = "jdk.tls.namedGroups";

	private TlsOptions() {
	}

	static SslOptions check(SslOptions configured, BundleDescription description) {
		Set<String> supported = Set.of(supportedCipherSuites());
		String[] protocols = configured.getEnabledProtocols();
		String[] ciphers = configured.getCiphers();
		if (protocols == null) {
			protocols = PROTOCOLS.toArray(new String[0]);
		}
		else {
			for (String protocol : protocols) {
				if (!PROTOCOLS.contains(protocol)) {
					throw insecure(description, "options.enabled-protocols", "protocol '%s'".formatted(protocol),
							"Allow only TLSv1.3 and TLSv1.2 (or TLSv1.3 alone) in %s."
								.formatted(description.property("options.enabled-protocols")));
				}
			}
		}
		if (ciphers == null) {
			ciphers = CIPHERS.stream().filter(supported::contains).toArray(String[]::new);
		}
		else {
			for (String cipher : ciphers) {
				if (!supported.contains(cipher)) {
					throw insecure(description, "options.ciphers",
							"cipher suite '%s', which this JDK does not support".formatted(cipher),
							"Use the JSSE names of supported suites in %s, or remove it to use the defaults."
								.formatted(description.property("options.ciphers")));
				}
				if (!isForwardSecretAead(cipher)) {
					throw insecure(description, "options.ciphers",
							"cipher suite '%s', which lacks forward secrecy or authenticated encryption"
								.formatted(cipher),
							"Use only TLS 1.3 suites and ECDHE/DHE suites with GCM, CCM or ChaCha20-Poly1305 in %s."
								.formatted(description.property("options.ciphers")));
				}
			}
		}
		return SslOptions.of(ciphers.clone(), protocols.clone());
	}

	static List<String> checkNamedGroups(List<String> groups, BundleDescription description) {
		List<String> checked = new ArrayList<>();
		for (String group : groups) {
			String name = group.trim();
			if (!NAMED_GROUPS.contains(name) && !NAMED_GROUPS.contains(name.toLowerCase(Locale.ROOT))) {
				throw new MtlsBundleException(description.name(), MtlsBundleException.Reason.INSECURE_TLS_OPTIONS,
						"mtls.tls.named-groups", "mtls.tls.named-groups names an unknown group '%s'".formatted(name),
						"Use groups from %s in mtls.tls.named-groups."
							.formatted(NAMED_GROUPS.stream().sorted().toList()),
						null);
			}
			checked.add(name);
		}
		return List.copyOf(checked);
	}

	/**
	 * Apply what the JDK only takes as system properties: client-initiated renegotiation
	 * is refused, and on Java versions before 20 (no per-connection named groups) the
	 * named groups. Properties set explicitly are left alone.
	 * @param namedGroups the named groups, empty for the JDK's defaults
	 */
	static void applyJvmSettings(List<String> namedGroups) {
		if (System.getProperty(REJECT_RENEGOTIATION) == null) {
			System.setProperty(REJECT_RENEGOTIATION, "true");
		}
		if (!namedGroups.isEmpty() && Runtime.version().feature() < 20) {
			String groups = String.join(",", namedGroups);
			String existing = System.getProperty(JDK_NAMED_GROUPS);
			if (existing == null) {
				System.setProperty(JDK_NAMED_GROUPS, groups);
			}
			else if (!existing.equals(groups)) {
				logger.warn(LogMessage.format("mtls.tls.named-groups=%s is ignored: the JVM already sets %s=%s", groups,
						JDK_NAMED_GROUPS, existing));
			}
		}
	}

	static boolean isForwardSecretAead(String cipher) {
		if (cipher.startsWith("TLS_AES_") || cipher.startsWith("TLS_CHACHA20_")) {
			return true;
		}
		boolean forwardSecret = cipher.startsWith("TLS_ECDHE_") || cipher.startsWith("TLS_DHE_");
		boolean aead = cipher.contains("_GCM_") || cipher.contains("_CCM") || cipher.contains("_CHACHA20_POLY1305_");
		return forwardSecret && aead;
	}

	/**
	 * The suites the JDK supports, from a context without key or trust material:
	 * {@code SSLContext.getDefault()} would load the JDK's default trust store (about 100
	 * ms at startup) only to name the suites.
	 */
	private static String[] supportedCipherSuites() {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(new KeyManager[0], new TrustManager[0], null);
			return context.getSupportedSSLParameters().getCipherSuites();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("No TLS context", ex);
		}
	}

	private static MtlsBundleException insecure(BundleDescription description, String option, String what,
			String action) {
		return new MtlsBundleException(description.name(), MtlsBundleException.Reason.INSECURE_TLS_OPTIONS,
				description.property(option),
				"SSL bundle '%s' enables %s (%s); mTLS allows only TLS 1.3 and 1.2 with forward-secret AEAD suites."
					.formatted(description.name(), what, description.property(option)),
				action, null);
	}

}
