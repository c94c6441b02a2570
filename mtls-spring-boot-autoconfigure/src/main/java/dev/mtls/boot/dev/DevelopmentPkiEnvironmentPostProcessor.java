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
package dev.mtls.boot.dev;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Sets up the development PKI when {@code mtls.dev.enabled=true}: creates (or reuses) a
 * development CA and a certificate for this service, and describes them as the bundle
 * named by {@code mtls.bundle} in Spring Boot's own {@code spring.ssl.bundle.pem.*}
 * properties, so everything downstream (validation, reloads, the server and clients)
 * treats them like any other files.
 *
 * @author mtls-spring-boot authors
 */
class DevelopmentPkiEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "mtlsDevelopmentPki";

	private final Log logger;

	DevelopmentPkiEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(DevelopmentPkiEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 10;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Binder binder = Binder.get(environment);
		DevPkiProperties properties = binder.bind("mtls.dev", DevPkiProperties.class).orElseGet(DevPkiProperties::new);
		boolean mtlsEnabled = binder.bind("mtls.enabled", Boolean.class).orElse(true);
		if (!properties.isEnabled() || !mtlsEnabled
				|| environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		String bundle = bundle(environment);
		String serviceName = environment.getProperty("spring.application.name", "application");
		DevelopmentPki pki = new DevelopmentPki(Path.of(properties.getDirectory()), properties.getTrustDomain(),
				properties.getCertificateValidity(), Clock.systemUTC());
		long started = System.nanoTime();
		DevelopmentPki.ServiceFiles files = pki.ensure(serviceName);
		long millis = (System.nanoTime() - started) / 1_000_000;
		Map<String, Object> bundleProperties = new LinkedHashMap<>();
		String prefix = "spring.ssl.bundle.pem." + bundle + ".";
		bundleProperties.put(prefix + "keystore.certificate", "file:" + files.certificate());
		bundleProperties.put(prefix + "keystore.private-key", "file:" + files.privateKey());
		bundleProperties.put(prefix + "truststore.certificate", "file:" + files.trust());
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, bundleProperties));
		this.logger.warn(
				"Using DEVELOPMENT certificates for '%s' (%s) from %s as SSL bundle '%s' (mtls.dev.enabled=true). Never use them in production."
					.formatted(files.spiffeId(), (files.created() ? "issued" : "reused") + " in " + millis + " ms",
							files.certificate().getParent(), bundle));
	}

	private String bundle(ConfigurableEnvironment environment) {
		String bundle = environment.getProperty("mtls.bundle");
		if (!StringUtils.hasText(bundle)) {
			throw new DevelopmentPkiException(
					"mtls.dev.enabled=true but mtls.bundle is not set, so there is no bundle to generate development certificates for.",
					"Set mtls.bundle to the name of the bundle, for example mtls.bundle=service.", null);
		}
		for (String configured : new String[] { "spring.ssl.bundle.pem." + bundle + ".keystore.certificate",
				"spring.ssl.bundle.jks." + bundle + ".keystore.location" }) {
			if (environment.containsProperty(configured)) {
				throw new DevelopmentPkiException(
						"mtls.dev.enabled=true but SSL bundle '%s' is already configured (%s).".formatted(bundle,
								configured),
						"Set mtls.dev.enabled=false to use the configured files, or remove the spring.ssl.bundle.*.%s properties to use development certificates."
							.formatted(bundle),
						null);
			}
		}
		return bundle;
	}

}
