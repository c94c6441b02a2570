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
package dev.mtls.boot.server;

import java.nio.file.Path;

import dev.mtls.boot.ssl.MtlsSslAutoConfiguration;
import dev.mtls.boot.test.pki.TestPki;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MtlsServerAutoConfiguration}.
 *
 * @author mtls-spring-boot authors
 */
class MtlsServerAutoConfigurationTests {

	private static final String CUSTOMIZER = "mtlsTomcatWebServerFactoryCustomizer";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, MtlsSslAutoConfiguration.class,
				MtlsServerAutoConfiguration.class));

	@TempDir
	Path directory;

	private String[] bundle;

	@BeforeEach
	void createPki() {
		this.bundle = TestPki.create(this.directory).bundleProperties("service");
	}

	@Test
	void whenBundleIsSetThenTomcatIsCustomized() {
		this.contextRunner.withPropertyValues(this.bundle).run((context) -> {
			assertThat(context).hasBean(CUSTOMIZER);
			assertThat(context.getBean(MtlsServerProperties.class).getClientAuth())
				.isEqualTo(MtlsServerProperties.ClientAuth.NEED);
		});
	}

	@Test
	void whenNoBundleThenTomcatIsNotCustomized() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(CUSTOMIZER));
	}

	@Test
	void whenServerPartIsDisabledThenTomcatIsNotCustomized() {
		this.contextRunner.withPropertyValues(this.bundle)
			.withPropertyValues("mtls.server.enabled=false", "server.ssl.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CUSTOMIZER));
	}

	@Test
	void whenTomcatIsAbsentThenTomcatIsNotCustomized() {
		this.contextRunner.withPropertyValues(this.bundle)
			.withClassLoader(new FilteredClassLoader(Tomcat.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CUSTOMIZER));
	}

	@Test
	void whenNotAWebApplicationThenTomcatIsNotCustomized() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, MtlsSslAutoConfiguration.class,
					MtlsServerAutoConfiguration.class))
			.withPropertyValues(this.bundle)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CUSTOMIZER));
	}

	@Test
	void whenClientAuthIsWantThenItIsBound() {
		this.contextRunner.withPropertyValues(this.bundle)
			.withPropertyValues("mtls.server.client-auth=want")
			.run((context) -> assertThat(context.getBean(MtlsServerProperties.class).getClientAuth())
				.isEqualTo(MtlsServerProperties.ClientAuth.WANT));
	}

	@Test
	void whenServerSslIsDisabledThenStartupFails() {
		assertConflict("server.ssl.enabled=false", "server.ssl.enabled");
	}

	@Test
	void whenServerClientAuthIsNoneThenStartupFails() {
		assertConflict("server.ssl.client-auth=none", "server.ssl.client-auth");
	}

	@Test
	void whenServerSslBundleIsSetThenStartupFails() {
		assertConflict("server.ssl.bundle=service", "server.ssl.bundle");
	}

	@Test
	void whenServerKeyStoreIsSetThenStartupFails() {
		assertConflict("server.ssl.key-store=classpath:keystore.p12", "server.ssl.key-store");
	}

	private void assertConflict(String property, String name) {
		this.contextRunner.withPropertyValues(this.bundle)
			.withPropertyValues(property)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo(name);
					assertThat(ex.getReason()).contains("mtls.server.enabled=false");
				}));
	}

}
