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
package dev.mtls.boot.test.context;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.StringUtils;

/**
 * Creates the test PKI of one application context before it is refreshed, puts its bundle
 * properties first in the environment and registers {@link MtlsTestPki} and
 * {@link MtlsTestClients} as beans. Equal annotation attributes give equal customizers,
 * so test classes with the same {@link MtlsTest @MtlsTest} share a cached context.
 *
 * @author mtls-spring-boot authors
 */
final class MtlsTestContextCustomizer implements ContextCustomizer {

	static final String PROPERTY_SOURCE_NAME = "mtlsTest";

	private static final String DEFAULT_TRUST_DOMAIN = "example.org";

	private final String bundle;

	private final String identity;

	private final List<String> clients;

	private final List<String> revoked;

	MtlsTestContextCustomizer(String bundle, String identity, List<String> clients, List<String> revoked) {
		this.bundle = bundle;
		this.identity = identity;
		this.clients = List.copyOf(clients);
		this.revoked = List.copyOf(revoked);
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		ConfigurableEnvironment environment = context.getEnvironment();
		MtlsTestPki pki = MtlsTestPki.createInTemporaryDirectory(this.bundle, identity(environment));
		try {
			this.clients.forEach(pki::client);
			this.revoked.forEach(pki::revoke);
		}
		catch (RuntimeException ex) {
			pki.deleteFilesQuietly();
			throw ex;
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, pki.properties()));
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton("mtlsTestPki", pki);
		beanFactory.registerSingleton("mtlsTestClients", new MtlsTestClients(pki, environment));
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			// Registered before any other bean, so destroyed after all of them (watchers
			// included)
			registry.registerDisposableBean("mtlsTestPkiFiles", pki::deleteFilesQuietly);
		}
	}

	private String identity(ConfigurableEnvironment environment) {
		if (StringUtils.hasText(this.identity)) {
			return this.identity;
		}
		String name = environment.getProperty("spring.application.name");
		return "spiffe://" + DEFAULT_TRUST_DOMAIN + "/" + (StringUtils.hasText(name) ? name : "server");
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		if (this == obj) {
			return true;
		}
		if (obj == null || getClass() != obj.getClass()) {
			return false;
		}
		MtlsTestContextCustomizer other = (MtlsTestContextCustomizer) obj;
		return this.bundle.equals(other.bundle) && this.identity.equals(other.identity)
				&& this.clients.equals(other.clients) && this.revoked.equals(other.revoked);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.bundle, this.identity, this.clients, this.revoked);
	}

}
