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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.cert.CRL;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Turns a Spring Boot {@link SslBundle} into {@link CertificateMaterial}. Parsing of PEM,
 * PKCS#12 and JKS content is Spring Boot's; this class picks the key entry and the trust
 * anchors out of the resulting key stores and reports failures with the properties that
 * configure them.
 *
 * @author mtls-spring-boot authors
 */
final class MaterialLoader {

	private final Clock clock;

	private final ResourceLoader resourceLoader;

	private final List<String> crlLocations;

	MaterialLoader(Clock clock, ResourceLoader resourceLoader, List<String> crlLocations) {
		this.clock = clock;
		this.resourceLoader = resourceLoader;
		this.crlLocations = List.copyOf(crlLocations);
	}

	CertificateMaterial load(SslBundle bundle, BundleDescription description) {
		SslStoreBundle stores = bundle.getStores();
		KeyStore keyStore = keyStore(stores, description);
		String alias = keyAlias(keyStore, bundle.getKey(), description);
		PrivateKey privateKey = privateKey(keyStore, alias, password(bundle.getKey(), stores), description);
		List<X509Certificate> chain = chain(keyStore, alias, description);
		List<X509Certificate> trustAnchors = trustAnchors(stores, description);
		List<X509CRL> crls = crls(description);
		return new CertificateMaterial(description.name(), privateKey, chain, trustAnchors, crls, this.clock.instant());
	}

	/**
	 * Return the files of the configured revocation lists.
	 * @return the files
	 */
	List<Path> crlFiles() {
		List<Path> files = new ArrayList<>();
		for (String location : this.crlLocations) {
			try {
				Resource resource = this.resourceLoader.getResource(location);
				if (resource.isFile()) {
					files.add(resource.getFile().toPath().toAbsolutePath().normalize());
				}
			}
			catch (IOException ex) {
				// Not a file: read at startup, not watched
			}
		}
		return files;
	}

	private List<X509CRL> crls(BundleDescription description) {
		List<X509CRL> crls = new ArrayList<>();
		for (String location : this.crlLocations) {
			try (InputStream in = this.resourceLoader.getResource(location).getInputStream()) {
				byte[] content = in.readNBytes((int) ContentFingerprint.MAX_FILE_SIZE + 1);
				if (content.length > ContentFingerprint.MAX_FILE_SIZE) {
					throw new IOException("larger than " + ContentFingerprint.MAX_FILE_SIZE + " bytes");
				}
				Collection<? extends CRL> read = CertificateFactory.getInstance("X.509")
					.generateCRLs(new ByteArrayInputStream(content));
				if (read.isEmpty()) {
					throw new IOException("no CRL found (expected PEM 'X509 CRL' blocks or DER)");
				}
				for (CRL crl : read) {
					crls.add((X509CRL) crl);
				}
			}
			catch (IOException | GeneralSecurityException | RuntimeException ex) {
				throw new MtlsBundleException(description.name(), MtlsBundleException.Reason.CRL_INVALID,
						"mtls.revocation.crl",
						"Unable to read the certificate revocation list %s (mtls.revocation.crl): %s"
							.formatted(location, rootMessage(ex)),
						"Point mtls.revocation.crl at readable CRL files in PEM or DER format, or remove the location.",
						ex);
			}
		}
		return crls;
	}

	private KeyStore keyStore(SslStoreBundle stores, BundleDescription description) {
		KeyStore keyStore;
		try {
			keyStore = stores.getKeyStore();
		}
		catch (RuntimeException ex) {
			throw unreadable(description, description.certificate(), "certificate or private key", ex,
					"Check that %s and %s point at readable files of the right format, and that the key password is set if the key is encrypted."
						.formatted(description.certificateProperty(), description.privateKeyProperty()));
		}
		if (keyStore == null) {
			throw noKey(description);
		}
		return keyStore;
	}

	private String keyAlias(KeyStore keyStore, SslBundleKey key, BundleDescription description) {
		try {
			if (key.getAlias() != null) {
				if (!keyStore.isKeyEntry(key.getAlias())) {
					throw new MtlsBundleException(description.name(), MtlsBundleException.Reason.NO_KEY,
							description.property("key.alias"),
							"SSL bundle '%s' has no private key entry with alias '%s' (%s)."
								.formatted(description.name(), key.getAlias(), description.property("key.alias")),
							"Set %s to the alias of the key entry in %s, or remove it to use the first key entry."
								.formatted(description.property("key.alias"), description.certificate()),
							null);
				}
				return key.getAlias();
			}
			for (String alias : Collections.list(keyStore.aliases())) {
				if (keyStore.isKeyEntry(alias)) {
					return alias;
				}
			}
		}
		catch (KeyStoreException ex) {
			throw unreadable(description, description.certificate(), "key store", ex,
					"Check the key store configured in %s.".formatted(description.certificateProperty()));
		}
		throw noKey(description);
	}

	private PrivateKey privateKey(KeyStore keyStore, String alias, char[] password, BundleDescription description) {
		try {
			Key key = keyStore.getKey(alias, password);
			if (key instanceof PrivateKey privateKey) {
				return privateKey;
			}
			throw noKey(description);
		}
		catch (MtlsBundleException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw unreadable(description, description.privateKey(), "private key", ex,
					"Check the key password (%s, or the key store password) for the key in %s."
						.formatted(description.property("key.password"), description.privateKeyProperty()));
		}
	}

	private List<X509Certificate> chain(KeyStore keyStore, String alias, BundleDescription description) {
		try {
			Certificate[] certificates = keyStore.getCertificateChain(alias);
			List<X509Certificate> chain = new ArrayList<>();
			if (certificates != null) {
				for (Certificate certificate : certificates) {
					if (certificate instanceof X509Certificate x509) {
						chain.add(x509);
					}
				}
			}
			if (chain.isEmpty()) {
				throw noKey(description);
			}
			return chain;
		}
		catch (KeyStoreException ex) {
			throw unreadable(description, description.certificate(), "certificate chain", ex,
					"Check the certificate configured in %s.".formatted(description.certificateProperty()));
		}
	}

	private List<X509Certificate> trustAnchors(SslStoreBundle stores, BundleDescription description) {
		KeyStore trustStore;
		try {
			trustStore = stores.getTrustStore();
		}
		catch (RuntimeException ex) {
			throw unreadable(description, description.trust(), "trust material", ex,
					"Check that %s points at a readable file of the certificate authorities that issue your peers' certificates."
						.formatted(description.trustProperty()));
		}
		if (trustStore == null) {
			return List.of();
		}
		try {
			List<X509Certificate> anchors = new ArrayList<>();
			for (String alias : Collections.list(trustStore.aliases())) {
				if (trustStore.isCertificateEntry(alias)
						&& trustStore.getCertificate(alias) instanceof X509Certificate certificate) {
					anchors.add(certificate);
				}
			}
			return anchors;
		}
		catch (KeyStoreException ex) {
			throw unreadable(description, description.trust(), "trust material", ex,
					"Check the trust store configured in %s.".formatted(description.trustProperty()));
		}
	}

	private static char[] password(SslBundleKey key, SslStoreBundle stores) {
		String password = (key.getPassword() != null) ? key.getPassword() : stores.getKeyStorePassword();
		return (password != null) ? password.toCharArray() : new char[0];
	}

	private static MtlsBundleException noKey(BundleDescription description) {
		return new MtlsBundleException(description.name(), MtlsBundleException.Reason.NO_KEY,
				description.certificateProperty(),
				"SSL bundle '%s' has no private key and certificate to present to peers (%s)."
					.formatted(description.name(), description.certificate()),
				"Set %s and %s to the PEM files of this service's certificate and private key (or use a key store with a key entry)."
					.formatted(description.certificateProperty(), description.privateKeyProperty()),
				null);
	}

	private static MtlsBundleException unreadable(BundleDescription description, String what, String kind, Exception ex,
			String action) {
		return new MtlsBundleException(description.name(), MtlsBundleException.Reason.UNREADABLE, propertyName(what),
				"Unable to read the %s of SSL bundle '%s' (%s): %s".formatted(kind, description.name(), what,
						rootMessage(ex)),
				action, ex);
	}

	private static String propertyName(String described) {
		int end = described.indexOf('=');
		end = (end >= 0) ? end : described.indexOf(' ');
		return (end >= 0) ? described.substring(0, end) : described;
	}

	static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		@Nullable String message = ex.getMessage();
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
			if (cause.getMessage() != null) {
				message = cause.getMessage();
			}
		}
		return (message != null) ? message : cause.getClass().getSimpleName();
	}

}
