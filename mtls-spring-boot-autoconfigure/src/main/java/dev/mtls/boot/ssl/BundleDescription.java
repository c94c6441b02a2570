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
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.ssl.JksSslBundleProperties;
import org.springframework.boot.autoconfigure.ssl.PemSslBundleProperties;
import org.springframework.boot.autoconfigure.ssl.PropertiesSslBundle;
import org.springframework.boot.autoconfigure.ssl.SslProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * Knows where a bundle's material is configured: the property names and values behind its
 * certificate, private key and trust material, so that errors can name them and the files
 * can be watched.
 *
 * @author mtls-spring-boot authors
 */
final class BundleDescription {

	private final String name;

	private final String prefix;

	private final String certificateKey;

	private final String privateKeyKey;

	private final String trustKey;

	private final @Nullable String certificate;

	private final @Nullable String privateKey;

	private final @Nullable String trust;

	private final @Nullable PemSslBundleProperties pem;

	private final @Nullable JksSslBundleProperties jks;

	private BundleDescription(String name, String prefix, String certificateKey, String privateKeyKey, String trustKey,
			@Nullable String certificate, @Nullable String privateKey, @Nullable String trust,
			@Nullable PemSslBundleProperties pem, @Nullable JksSslBundleProperties jks) {
		this.name = name;
		this.prefix = prefix;
		this.certificateKey = certificateKey;
		this.privateKeyKey = privateKeyKey;
		this.trustKey = trustKey;
		this.certificate = certificate;
		this.privateKey = privateKey;
		this.trust = trust;
		this.pem = pem;
		this.jks = jks;
	}

	static BundleDescription of(String name, @Nullable SslProperties properties) {
		PemSslBundleProperties pem = (properties != null) ? properties.getBundle().getPem().get(name) : null;
		if (pem != null) {
			String prefix = "spring.ssl.bundle.pem." + name + ".";
			return new BundleDescription(name, prefix, prefix + "keystore.certificate", prefix + "keystore.private-key",
					prefix + "truststore.certificate", pem.getKeystore().getCertificate(),
					pem.getKeystore().getPrivateKey(), pem.getTruststore().getCertificate(), pem, null);
		}
		JksSslBundleProperties jks = (properties != null) ? properties.getBundle().getJks().get(name) : null;
		if (jks != null) {
			String prefix = "spring.ssl.bundle.jks." + name + ".";
			return new BundleDescription(name, prefix, prefix + "keystore.location", prefix + "keystore.location",
					prefix + "truststore.location", jks.getKeystore().getLocation(), jks.getKeystore().getLocation(),
					jks.getTruststore().getLocation(), null, jks);
		}
		String prefix = "spring.ssl.bundle.*." + name + ".";
		return new BundleDescription(name, prefix, prefix + "keystore", prefix + "keystore", prefix + "truststore",
				null, null, null, null, null);
	}

	String name() {
		return this.name;
	}

	boolean isPem() {
		return this.pem != null;
	}

	boolean isJks() {
		return this.jks != null;
	}

	@Nullable PemSslBundleProperties pemProperties() {
		return this.pem;
	}

	@Nullable JksSslBundleProperties jksProperties() {
		return this.jks;
	}

	String property(String relativeName) {
		return this.prefix + relativeName;
	}

	String certificateProperty() {
		return this.certificateKey;
	}

	String privateKeyProperty() {
		return this.privateKeyKey;
	}

	String trustProperty() {
		return this.trustKey;
	}

	@Nullable String privateKeyLocation() {
		return isLocation(this.privateKey) ? this.privateKey : null;
	}

	String certificate() {
		return describe(this.certificateKey, this.certificate);
	}

	String privateKey() {
		return describe(this.privateKeyKey, this.privateKey);
	}

	String trust() {
		return describe(this.trustKey, this.trust);
	}

	/**
	 * Return the configured locations of the material (never inline PEM content).
	 * @return the locations
	 */
	List<String> locations() {
		List<String> locations = new ArrayList<>();
		for (String value : new String[] { this.certificate, this.privateKey, this.trust }) {
			if (isLocation(value) && !locations.contains(value)) {
				locations.add(value);
			}
		}
		return locations;
	}

	/**
	 * Load the bundle again from its properties, reading its files afresh.
	 * @param resourceLoader the resource loader
	 * @return the bundle, or {@code null} if it is not described by properties
	 */
	@Nullable SslBundle load(ResourceLoader resourceLoader) {
		if (this.pem != null) {
			return PropertiesSslBundle.get(this.pem, resourceLoader);
		}
		if (this.jks != null) {
			return PropertiesSslBundle.get(this.jks, resourceLoader);
		}
		return null;
	}

	/**
	 * Return the files behind the bundle's material, as configured (links are not
	 * resolved). Inline PEM content and resources that are not files are left out.
	 * @param resourceLoader the resource loader
	 * @return the files
	 */
	List<Path> files(ResourceLoader resourceLoader) {
		List<Path> files = new ArrayList<>();
		for (String location : locations()) {
			Resource resource = resourceLoader.getResource(location);
			try {
				if (resource.isFile() || location.startsWith("file:") || !location.contains(":")) {
					Path file = resource.getFile().toPath().toAbsolutePath().normalize();
					if (!files.contains(file)) {
						files.add(file);
					}
				}
			}
			catch (IOException ex) {
				// Not a file (for example a classpath resource in a jar): not watchable
			}
		}
		return files;
	}

	private static String describe(String key, @Nullable String value) {
		if (!StringUtils.hasText(value)) {
			return key;
		}
		return isLocation(value) ? key + "=" + value : key + " (inline PEM)";
	}

	private static boolean isLocation(@Nullable String value) {
		return StringUtils.hasText(value) && !value.contains("-----BEGIN");
	}

}
