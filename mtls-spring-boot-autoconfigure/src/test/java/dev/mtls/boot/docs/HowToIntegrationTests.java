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
package dev.mtls.boot.docs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.mtls.boot.security.ClientIdentity;
import dev.mtls.boot.test.client.TlsTestClient;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.pki.TestPki;
import dev.mtls.boot.testapp.PeerApplication;
import dev.mtls.boot.testapp.SecuredApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.test.http.server.LocalTestWebServer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for what the how-to pages in {@code docs/howto} and the
 * troubleshooting page promise beyond the rest of the test suite, over real TLS.
 *
 * @author mtls-spring-boot authors
 */
@ExtendWith(OutputCaptureExtension.class)
class HowToIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void whenMigratedFromX509WithRolesMappedToCommonNamesThenHasRoleRulesKeepWorking() throws Exception {
		TestPki pki = TestPki.create(this.directory);
		Map<String, Object> properties = properties(pki.bundleProperties("service"));
		properties.put("mtls.identity.sources", "cn");
		properties.put("mtls.authorization.clients.checkout", "ROLE_ORDERS_CLIENT");
		properties.put("mtls.authorization.clients.billing", "ROLE_ORDERS_CLIENT");
		try (ConfigurableApplicationContext context = start(properties, MigratedApplication.class)) {
			TlsTestClient checkout = client(pki, "checkout");
			TlsTestClient unknown = client(pki, "stranger");

			HttpResponse<String> allowed = checkout.get(url(context, "/orders"));
			HttpResponse<String> denied = unknown.get(url(context, "/orders"));
			HttpResponse<String> whoami = unknown.get(url(context, "/whoami"));

			assertThat(allowed.statusCode()).isEqualTo(200);
			assertThat(allowed.body()).isEqualTo("orders for checkout");
			assertThat(denied.statusCode()).isEqualTo(403);
			assertThat(whoami.statusCode()).isEqualTo(200);
			assertThat(whoami.body()).isEqualTo("stranger");
		}
	}

	@Test
	void whenPkcs12KeyStoreIsReplacedThenTheEntryNamedByKeyAliasIsReloaded() throws Exception {
		TestPki pki = TestPki.create(this.directory);
		Credential other = pki.authority().certificate().commonName("other").dns("localhost").serverAuth().issue();
		Credential renewed = pki.authority()
			.certificate()
			.commonName("localhost")
			.dns("localhost")
			.ip("127.0.0.1")
			.serverAuth()
			.clientAuth()
			.issue();
		Path keyStore = this.directory.resolve("keystore.p12");
		Files.write(keyStore, keyStore(other, pki.server()));
		Path trustStore = Files.write(this.directory.resolve("truststore.p12"),
				Credential.store(Credential.trustStore("PKCS12", "changeit", pki.rootCertificate()), "changeit"));
		String prefix = "spring.ssl.bundle.jks.service.";
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(prefix + "key.alias", "orders");
		properties.put(prefix + "keystore.location", "file:" + keyStore);
		properties.put(prefix + "keystore.password", "changeit");
		properties.put(prefix + "keystore.type", "PKCS12");
		properties.put(prefix + "truststore.location", "file:" + trustStore);
		properties.put(prefix + "truststore.password", "changeit");
		properties.put(prefix + "truststore.type", "PKCS12");
		properties.put("mtls.bundle", "service");
		try (ConfigurableApplicationContext context = start(properties, PeerApplication.class)) {
			TlsTestClient peer = client(pki, "peer");
			assertThat(serverSerial(context, peer)).isEqualTo(pki.server().serial().toString(16));

			Path temporary = Files.write(this.directory.resolve("keystore.p12.tmp"), keyStore(other, renewed));
			Files.move(temporary, keyStore, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

			await().atMost(Duration.ofSeconds(10))
				.until(() -> serverSerial(context, peer).equals(renewed.serial().toString(16)));
		}
	}

	@Test
	void whenAuditModeThenDeniedCallsAreLoggedInTheDocumentedFormat(CapturedOutput output) throws Exception {
		TestPki pki = TestPki.create(this.directory);
		Map<String, Object> properties = properties(pki.bundleProperties("service"));
		properties.put("mtls.authorization.mode", "audit");
		properties.put("mtls.authorization.default-policy", "deny");
		try (ConfigurableApplicationContext context = start(properties, SecuredApplication.class)) {
			TlsTestClient orders = TlsTestClient.presenting(pki.client("spiffe://example.org/orders"),
					pki.rootCertificate());

			HttpResponse<String> methodRule = orders.get(url(context, "/orders/invoice"));
			HttpResponse<String> defaultPolicy = orders.get(url(context, "/probe"));
			orders.get(url(context, "/orders/invoice"));

			assertThat(methodRule.statusCode()).isEqualTo(200);
			assertThat(defaultPolicy.statusCode()).isEqualTo(200);
			assertThat(output.getOut()).containsOnlyOnce(
					"AUDIT (mtls.authorization.mode=audit): spiffe://example.org/orders calling GET /orders/invoice would be denied by @AllowClients[spiffe://example.org/ns/*/sa/billing] on OrdersController#invoice; allowed")
				.contains(
						"AUDIT (mtls.authorization.mode=audit): spiffe://example.org/orders calling GET /probe would be denied by default policy 'deny'; allowed");
		}
	}

	@Test
	void whenTheManagementPortIsSeparateThenProbesAnswerWithoutCertificateAndEverythingElseIs401() throws Exception {
		TestPki pki = TestPki.create(this.directory);
		Map<String, Object> properties = properties(pki.bundleProperties("service"));
		properties.put("management.server.port", "0");
		properties.put("management.server.address", "127.0.0.1");
		properties.put("management.endpoints.web.exposure.include", "health, prometheus");
		properties.put("management.endpoint.health.show-components", "always");
		properties.put("mtls.authorization.probes", "permit-all");
		try (ConfigurableApplicationContext context = start(properties, SecuredApplication.class)) {
			TlsTestClient orders = TlsTestClient.presenting(pki.client("spiffe://example.org/orders"),
					pki.rootCertificate());

			HttpResponse<String> liveness = plain(context, "/actuator/health/liveness");
			HttpResponse<String> readiness = plain(context, "/actuator/health/readiness");
			HttpResponse<String> prometheus = plain(context, "/actuator/prometheus");

			assertThat(liveness.statusCode()).isEqualTo(200);
			assertThat(liveness.body()).contains("\"status\":\"UP\"").doesNotContain("mtls");
			assertThat(readiness.statusCode()).isEqualTo(200);
			assertThat(plain(context, "/actuator/health").statusCode()).isEqualTo(200);
			assertThat(prometheus.statusCode()).isEqualTo(401);
			assertThat(prometheus.body()).contains("A verified client certificate is required");
			assertThat(orders.get(url(context, "/actuator/prometheus")).statusCode()).isEqualTo(404);
			assertThat(orders.get(url(context, "/whoami")).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void whenTheApplicationOpensPrometheusOnTheManagementPortThenItAnswersWithoutCertificate() throws Exception {
		TestPki pki = TestPki.create(this.directory);
		Map<String, Object> properties = properties(pki.bundleProperties("service"));
		properties.put("management.server.port", "0");
		properties.put("management.server.address", "127.0.0.1");
		properties.put("management.endpoints.web.exposure.include", "health, prometheus, mtls");
		try (ConfigurableApplicationContext context = start(properties, ManagementPortApplication.class)) {
			TlsTestClient orders = TlsTestClient.presenting(pki.client("spiffe://example.org/orders"),
					pki.rootCertificate());

			HttpResponse<String> prometheus = plain(context, "/actuator/prometheus");

			assertThat(prometheus.statusCode()).isEqualTo(200);
			assertThat(prometheus.body()).contains("mtls_certificate_expiry_seconds");
			assertThat(plain(context, "/actuator/health/liveness").statusCode()).isEqualTo(200);
			assertThat(plain(context, "/actuator/health/readiness").statusCode()).isEqualTo(200);
			assertThat(plain(context, "/actuator/mtls").statusCode()).isEqualTo(401);
			assertThat(orders.get(url(context, "/whoami")).statusCode()).isEqualTo(200);
			assertThat(orders.get(url(context, "/whoami")).body()).isEqualTo("spiffe://example.org/orders");
			assertThat(orders.get(url(context, "/actuator/prometheus")).statusCode()).isEqualTo(404);
			assertThat(orders.get(url(context, "/actuator/mtls")).statusCode()).isEqualTo(404);
			assertThatException()
				.isThrownBy(() -> TlsTestClient.anonymous(pki.rootCertificate()).get(url(context, "/whoami")));
		}
	}

	@Test
	void whenTheStarterServesHttpsThenSpringBootsTestClientsStillAssumeHttp() {
		TestPki pki = TestPki.create(this.directory);
		try (ConfigurableApplicationContext context = start(properties(pki.bundleProperties("service")),
				PeerApplication.class)) {
			LocalTestWebServer server = LocalTestWebServer.obtain(context);

			assertThat(server.scheme()).isEqualTo(LocalTestWebServer.Scheme.HTTP);
			assertThat(server.uri()).startsWith("http://");
		}
	}

	private static byte[] keyStore(Credential other, Credential orders) throws Exception {
		KeyStore store = other.toKeyStore("PKCS12", "other", "changeit");
		store.setKeyEntry("orders", orders.privateKey(), "changeit".toCharArray(),
				orders.chain().toArray(new Certificate[0]));
		return Credential.store(store, "changeit");
	}

	private static Map<String, Object> properties(String[] bundleProperties) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String property : bundleProperties) {
			properties.put(property.substring(0, property.indexOf('=')), property.substring(property.indexOf('=') + 1));
		}
		return properties;
	}

	private static ConfigurableApplicationContext start(Map<String, Object> properties, Class<?> application) {
		Map<String, Object> all = new LinkedHashMap<>(properties);
		all.put("server.port", "0");
		return new SpringApplicationBuilder(application).web(WebApplicationType.SERVLET).properties(all).run();
	}

	private static TlsTestClient client(TestPki pki, String commonName) {
		return TlsTestClient.presenting(pki.authority().certificate().commonName(commonName).clientAuth().issue(),
				pki.rootCertificate());
	}

	private static String serverSerial(ConfigurableApplicationContext context, TlsTestClient client) throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return client.withNewSessions().handshake("localhost", port).getSerialNumber().toString(16);
	}

	private static String url(ConfigurableApplicationContext context, String path) {
		return "https://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort() + path;
	}

	private static HttpResponse<String> plain(ConfigurableApplicationContext context, String path) throws Exception {
		String port = context.getEnvironment().getProperty("local.management.port");
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The application of the migration how-to after the migration: its own chain with
	 * {@code hasRole}, no {@code x509()}, no {@code UserDetailsService}.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableWebSecurity
	@Import(MigratedApplication.OrdersController.class)
	static class MigratedApplication {

		@Bean
		SecurityFilterChain api(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/orders/**")
				.hasRole("ORDERS_CLIENT")
				.anyRequest()
				.authenticated())
				.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf((csrf) -> csrf.disable());
			return http.build();
		}

		/**
		 * Answers with the caller's principal name.
		 */
		@RestController
		static class OrdersController {

			@GetMapping("/orders")
			String orders(@AuthenticationPrincipal ClientIdentity caller) {
				return "orders for " + caller.name();
			}

			@GetMapping("/whoami")
			String whoami(@AuthenticationPrincipal ClientIdentity caller) {
				return caller.name();
			}

		}

	}

	/**
	 * The application of the management-port how-to: Prometheus and the probes open on
	 * the management port, everything else needs a verified client certificate.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ManagementPortApplication.WhoAmIController.class)
	static class ManagementPortApplication {

		@Bean
		@Order(1)
		SecurityFilterChain management(HttpSecurity http) {
			http.securityMatcher(EndpointRequest.toAnyEndpoint())
				.authorizeHttpRequests(
						(requests) -> requests.requestMatchers(EndpointRequest.to("health", "prometheus"))
							.permitAll()
							.anyRequest()
							.denyAll())
				.csrf((csrf) -> csrf.disable())
				.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain application(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.csrf((csrf) -> csrf.disable())
				.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
			return http.build();
		}

		/**
		 * Answers with the caller's principal name.
		 */
		@RestController
		static class WhoAmIController {

			@GetMapping("/whoami")
			String whoami(@AuthenticationPrincipal ClientIdentity caller) {
				return caller.name();
			}

		}

	}

}
