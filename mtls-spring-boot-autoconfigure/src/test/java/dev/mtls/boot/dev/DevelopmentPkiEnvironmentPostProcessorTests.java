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

import dev.mtls.boot.ssl.MaterialSource;
import dev.mtls.boot.testapp.PeerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link DevelopmentPkiEnvironmentPostProcessor}.
 *
 * @author mtls-spring-boot authors
 */
@ExtendWith(OutputCaptureExtension.class)
class DevelopmentPkiEnvironmentPostProcessorTests {

	@TempDir
	Path directory;

	@Test
	void whenEnabledThenBundleIsBackedByDevelopmentCertificatesAndWarns(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("mtls.dev.enabled=true", "mtls.bundle=service",
				"spring.application.name=orders", "mtls.dev.directory=" + this.directory)) {
			MaterialSource source = context.getBean(MaterialSource.class);

			assertThat(source.current().leaf().getSubjectX500Principal().getName()).contains("CN=orders");
			assertThat(context.getEnvironment().getProperty("spring.ssl.bundle.pem.service.keystore.certificate"))
				.isEqualTo("file:" + this.directory.resolve("orders").resolve("tls.crt"));
			assertThat(output).contains("Using DEVELOPMENT certificates for 'spiffe://example.org/orders'")
				.contains("Never use them in production");
		}
	}

	@Test
	void whenDisabledThenNothingIsGenerated() {
		try (ConfigurableApplicationContext context = run("mtls.dev.directory=" + this.directory)) {
			assertThat(context.getBeanNamesForType(MaterialSource.class)).isEmpty();
			assertThat(this.directory.resolve("ca.crt")).doesNotExist();
		}
	}

	@Test
	void whenBundleIsConfiguredExplicitlyThenStartupFailsWithAction(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> run("mtls.dev.enabled=true", "mtls.bundle=service", "mtls.dev.directory=" + this.directory,
						"spring.ssl.bundle.pem.service.keystore.certificate=file:/etc/mtls/tls.crt"));

		assertThat(output).contains("SSL bundle 'service' is already configured")
			.contains("Set mtls.dev.enabled=false to use the configured files");
	}

	@Test
	void whenBundleIsNotNamedThenStartupFailsWithAction(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("mtls.dev.enabled=true", "mtls.dev.directory=" + this.directory));

		assertThat(output).contains("mtls.bundle is not set").contains("mtls.bundle=service");
	}

	private ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(PeerApplication.class).web(WebApplicationType.NONE)
			.properties(properties)
			.run();
	}

}
