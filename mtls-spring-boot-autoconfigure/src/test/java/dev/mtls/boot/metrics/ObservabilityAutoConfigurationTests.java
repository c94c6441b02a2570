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

import java.nio.file.Path;

import dev.mtls.boot.ssl.MtlsSslAutoConfiguration;
import dev.mtls.boot.test.pki.TestPki;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MtlsMetricsAutoConfiguration}, {@link MtlsHealthAutoConfiguration} and
 * {@link MtlsEndpointAutoConfiguration}: what they contribute, their switches, and that
 * an application without Micrometer or Actuator still starts.
 *
 * @author mtls-spring-boot authors
 */
class ObservabilityAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, MtlsSslAutoConfiguration.class,
				MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, MtlsMetricsAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, EndpointAutoConfiguration.class,
				MtlsHealthAutoConfiguration.class, MtlsEndpointAutoConfiguration.class))
		.withPropertyValues("mtls.reload.enabled=false", "management.endpoints.web.exposure.include=health,mtls");

	@TempDir
	Path directory;

	private TestPki pki;

	@BeforeEach
	void createPki() {
		this.pki = TestPki.create(this.directory);
	}

	@Test
	void whenMicrometerAndActuatorArePresentThenMetersHealthAndEndpointAreContributed() {
		this.contextRunner.withPropertyValues(this.pki.bundleProperties("service")).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(MtlsMeters.class)
				.hasSingleBean(MtlsHealthIndicator.class)
				.hasSingleBean(MtlsEndpoint.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("mtls.certificate.expiry")
				.tags("bundle", "service", "role", "identity")
				.timeGauge()
				.value()).isPositive();
			assertThat(registry.get("mtls.peer.verifications")
				.tags("side", "server", "reason", "expired")
				.counter()
				.count()).isZero();
			assertThat(registry.find("mtls.certificate.expiry").tags("role", "crl").timeGauge()).isNull();
		});
	}

	@Test
	void whenMetricsAreDisabledThenNoMeters() {
		this.contextRunner.withPropertyValues(this.pki.bundleProperties("service"))
			.withPropertyValues("mtls.metrics.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(MtlsMeters.class);
				assertThat(context.getBean(MeterRegistry.class).find("mtls.peer.verifications").meters()).isEmpty();
			});
	}

	@Test
	void whenTheHealthIndicatorIsDisabledThenItBacksOff() {
		this.contextRunner.withPropertyValues(this.pki.bundleProperties("service"))
			.withPropertyValues("management.health.mtls.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MtlsHealthIndicator.class));
	}

	@Test
	void whenTheEndpointIsDisabledThenItBacksOff() {
		this.contextRunner.withPropertyValues(this.pki.bundleProperties("service"))
			.withPropertyValues("management.endpoint.mtls.access=NONE")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MtlsEndpoint.class));
	}

	@Test
	void whenMtlsIsOffThenNothingIsContributed() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(MtlsMeters.class)
			.doesNotHaveBean(MtlsHealthIndicator.class)
			.doesNotHaveBean(MtlsEndpoint.class));
	}

	@Test
	void whenMicrometerIsAbsentThenTheApplicationStartsWithoutMeters() {
		this.contextRunner.withPropertyValues(this.pki.bundleProperties("service"))
			.withClassLoader(new FilteredClassLoader("io.micrometer."))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MtlsMeters.class)
				.hasSingleBean(MtlsHealthIndicator.class));
	}

	@Test
	void whenActuatorIsAbsentThenTheApplicationStartsWithoutHealthOrEndpoint() {
		this.contextRunner.withPropertyValues(this.pki.bundleProperties("service"))
			.withClassLoader(new FilteredClassLoader(HealthIndicator.class, Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MtlsHealthIndicator.class)
				.doesNotHaveBean(MtlsEndpoint.class)
				.hasSingleBean(MtlsMeters.class));
	}

	@Test
	void whenNeitherIsPresentTheApplicationStillStarts() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, MtlsSslAutoConfiguration.class,
					MtlsMetricsAutoConfiguration.class, MtlsHealthAutoConfiguration.class,
					MtlsEndpointAutoConfiguration.class))
			.withPropertyValues("mtls.reload.enabled=false")
			.withPropertyValues(this.pki.bundleProperties("service"))
			.withClassLoader(new FilteredClassLoader("io.micrometer.", "org.springframework.boot.actuate.",
					"org.springframework.boot.health."))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("mtlsMaterialSource")
				.doesNotHaveBean(MtlsMeters.class));
	}

}
