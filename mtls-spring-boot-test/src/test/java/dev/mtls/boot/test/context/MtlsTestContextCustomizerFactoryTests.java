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
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link MtlsTestContextCustomizerFactory} and
 * {@link MtlsTestContextCustomizer}.
 *
 * @author mtls-spring-boot authors
 */
class MtlsTestContextCustomizerFactoryTests {

	private final MtlsTestContextCustomizerFactory factory = new MtlsTestContextCustomizerFactory();

	@Test
	void whenTestIsNotAnnotatedThenNoCustomizer() {
		assertThat(customizer(Plain.class)).isNull();
	}

	@Test
	void whenAttributesAreEqualThenCustomizersAreEqualSoTheContextIsShared() {
		ContextCustomizer first = customizer(Defaults.class);

		ContextCustomizer second = customizer(OtherDefaults.class);

		assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
	}

	@Test
	void whenAttributesDifferThenCustomizersDiffer() {
		ContextCustomizer defaults = customizer(Defaults.class);

		assertThat(customizer(OtherBundle.class)).isNotEqualTo(defaults);
		assertThat(customizer(OtherIdentity.class)).isNotEqualTo(defaults);
		assertThat(customizer(WithClients.class)).isNotEqualTo(defaults);
		assertThat(customizer(WithRevoked.class)).isNotEqualTo(defaults);
	}

	@Test
	void whenNestedTestThenAnnotationOfEnclosingClassApplies() {
		assertThat(customizer(Defaults.Inner.class)).isEqualTo(customizer(Defaults.class));
	}

	@Test
	void whenContextIsCustomizedThenPkiAndClientsAreBeansAndPropertiesComeFirst() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("test", Map.of("spring.application.name", "inventory")));

			customizer(OtherBundle.class).customizeContext(context, mock(MergedContextConfiguration.class));
			context.refresh();

			MtlsTestPki pki = context.getBean(MtlsTestPki.class);
			assertThat(pki.bundle()).isEqualTo("orders");
			assertThat(pki.identity()).isEqualTo("spiffe://example.org/inventory");
			assertThat(context.getBean(MtlsTestClients.class).pki()).isSameAs(pki);
			assertThat(context.getEnvironment().getPropertySources().iterator().next().getName())
				.isEqualTo(MtlsTestContextCustomizer.PROPERTY_SOURCE_NAME);
			assertThat(context.getEnvironment().getProperty("mtls.bundle")).isEqualTo("orders");
			assertThat(context.getEnvironment().getProperty("spring.ssl.bundle.pem.orders.keystore.private-key"))
				.isEqualTo("file:" + pki.directory().resolve("server.key").toAbsolutePath());
			context.close();
			assertThat(pki.directory()).doesNotExist();
		}
	}

	@Test
	void whenDeclaredClientIdentityIsMalformedThenContextFailsAtOnce() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			ContextCustomizer customizer = customizer(MalformedClient.class);

			assertThatIllegalArgumentException()
				.isThrownBy(() -> customizer.customizeContext(context, mock(MergedContextConfiguration.class)))
				.withMessageContaining("Unknown identity 'orders'");
		}
	}

	private ContextCustomizer customizer(Class<?> testClass) {
		return this.factory.createContextCustomizer(testClass, List.of());
	}

	static class Plain {

	}

	@SpringBootTest
	@MtlsTest
	static class Defaults {

		@Nested
		class Inner {

		}

	}

	@MtlsTest
	static class OtherDefaults {

	}

	@MtlsTest(bundle = "orders")
	static class OtherBundle {

	}

	@MtlsTest(identity = "spiffe://example.org/orders")
	static class OtherIdentity {

	}

	@MtlsTest(clients = "spiffe://example.org/billing")
	static class WithClients {

	}

	@MtlsTest(revoked = "spiffe://example.org/billing")
	static class WithRevoked {

	}

	@MtlsTest(clients = "orders")
	static class MalformedClient {

	}

}
