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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.mtls.boot.test.client.TlsTestClient;
import dev.mtls.boot.test.files.MaterialFiles;
import dev.mtls.boot.test.files.Replacement;
import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.pki.KeyType;
import dev.mtls.boot.testapp.SecuredApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Tests the health states over HTTP with their status mapping, the {@code mtls} Actuator
 * endpoint, and both on a separate management port.
 *
 * @author mtls-spring-boot authors
 */
class ActuatorIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String PASSWORD = "s3cret-Passw0rd";

	@TempDir
	Path directory;

	private final CertificateAuthority ca = CertificateAuthority.root("Test Root CA");

	@Test
	void whenTheIdentityExpiresWithinTheWarningThenHealthIsExpiringWithStatus200() throws Exception {
		Credential server = server(Duration.ofDays(5));
		try (ConfigurableApplicationContext context = start(server, Map.of())) {
			HttpResponse<String> response = caller().get(url(context, "/actuator/health"));
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode health = JSON.readTree(response.body());
			assertThat(health.get("status").asString()).isEqualTo("EXPIRING");
			JsonNode mtls = health.get("components").get("mtls");
			assertThat(mtls.get("status").asString()).isEqualTo("EXPIRING");
			assertThat(mtls.get("details").get("soonestExpiry").get("role").asString()).isEqualTo("identity");
			assertThat(mtls.get("details").get("soonestExpiry").get("notAfter").asString())
				.isEqualTo(server.certificate().getNotAfter().toInstant().toString());
			assertThat(mtls.get("details").get("lastReload").get("outcome").asString()).isEqualTo("none");
		}
	}

	@Test
	void whenTimePassesHealthGoesFromExpiringToDownAndTheStatusMappingApplies() throws Exception {
		Instant now = Instant.now();
		CertificateAuthority shortLived = CertificateAuthority.root(CertificateAuthority.selfSigned()
			.commonName("Retiring Root CA")
			.validity(now.minusSeconds(60), now.plusSeconds(30)), KeyType.EC_P256);
		Map<String, String> properties = Map.of("management.endpoint.health.status.http-mapping.expiring", "429");
		try (ConfigurableApplicationContext context = start(server(Duration.ofDays(30)), properties,
				shortLived.certificateOfAuthority())) {
			HttpResponse<String> expiring = caller().get(url(context, "/actuator/health"));
			assertThat(expiring.statusCode()).isEqualTo(429);
			JsonNode warning = JSON.readTree(expiring.body()).get("components").get("mtls");
			assertThat(warning.get("status").asString()).isEqualTo("EXPIRING");
			assertThat(warning.get("details").get("soonestExpiry").get("role").asString()).isEqualTo("trust");
			assertThat(warning.get("details").get("soonestExpiry").get("subject").asString())
				.isEqualTo("CN=Retiring Root CA");

			Instant notAfter = shortLived.certificateOfAuthority().getNotAfter().toInstant();
			await().atMost(Duration.between(Instant.now(), notAfter).plusSeconds(15))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> {
					HttpResponse<String> down = caller().get(url(context, "/actuator/health"));
					assertThat(down.statusCode()).isEqualTo(503);
					JsonNode mtls = JSON.readTree(down.body()).get("components").get("mtls");
					assertThat(mtls.get("status").asString()).isEqualTo("DOWN");
					assertThat(mtls.get("details").get("reason").asString()).isEqualTo("expired");
				});
		}
	}

	@Test
	void endpointDescribesTheLiveMaterialAndNeverKeyMaterialOrPasswords() throws Exception {
		Credential server = server(Duration.ofDays(30));
		try (ConfigurableApplicationContext context = start(server, Map.of())) {
			HttpResponse<String> response = caller().get(url(context, "/actuator/mtls"));
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode bundle = JSON.readTree(response.body()).get("bundles").get("service");
			JsonNode identity = bundle.get("identity");
			assertThat(identity.get("subject").asString()).isEqualTo("CN=localhost");
			assertThat(identity.get("spiffeId").asString()).isEqualTo("spiffe://example.org/server");
			assertThat(identity.get("serial").asString())
				.isEqualTo(server.certificate().getSerialNumber().toString(16));
			assertThat(identity.get("fingerprintSha256").asString()).hasSize(64);
			assertThat(identity.get("notAfter").asString())
				.isEqualTo(server.certificate().getNotAfter().toInstant().toString());
			assertThat(texts(identity.get("subjectAlternativeNames"))).contains("uri:spiffe://example.org/server",
					"dns:localhost", "ip:127.0.0.1");
			assertThat(bundle.get("trustAnchors").get(0).get("subject").asString()).isEqualTo("CN=Test Root CA");
			assertThat(bundle.get("reload").get("enabled").asBoolean()).isTrue();
			assertThat(bundle.get("reload").get("lastOutcome").asString()).isEqualTo("none");

			String body = response.body();
			String key = Base64.getEncoder().encodeToString(server.keyPair().getPrivate().getEncoded());
			for (int offset = 0; offset + 24 <= key.length(); offset += 24) {
				assertThat(body).doesNotContain(key.substring(offset, offset + 24));
			}
			assertThat(body).doesNotContainIgnoringCase("PRIVATE KEY")
				.doesNotContain(PASSWORD)
				.doesNotContainIgnoringCase("password");
			assertThat(fieldNames(JSON.readTree(body)))
				.noneMatch((name) -> name.toLowerCase(Locale.ROOT).contains("key"))
				.noneMatch((name) -> name.toLowerCase(Locale.ROOT).contains("secret"));
		}
	}

	@Test
	void endpointIsNotExposedUnlessListed() throws Exception {
		Credential server = server(Duration.ofDays(30));
		Map<String, String> properties = Map.of("management.endpoints.web.exposure.include", "health");
		try (ConfigurableApplicationContext context = start(server, properties)) {
			assertThat(caller().get(url(context, "/actuator/mtls")).statusCode()).isEqualTo(404);
		}
	}

	@Test
	void whenManagementClientsAreListedOnlyTheyReachTheEndpointsButAnyClientReachesTheProbes() throws Exception {
		Map<String, String> properties = Map.of("mtls.authorization.management-clients", "spiffe://example.org/ops",
				"management.endpoints.web.exposure.include", "health,mtls,prometheus");
		try (ConfigurableApplicationContext context = start(server(Duration.ofDays(30)), properties)) {
			TlsTestClient orders = TlsTestClient.presenting(
					this.ca.certificate().uri("spiffe://example.org/orders").clientAuth().issue(),
					this.ca.certificateOfAuthority());
			assertThat(caller().get(url(context, "/actuator/mtls")).statusCode()).isEqualTo(200);
			assertThat(caller().get(url(context, "/actuator/prometheus")).statusCode()).isEqualTo(200);
			HttpResponse<String> denied = orders.get(url(context, "/actuator/mtls"));
			assertThat(denied.statusCode()).isEqualTo(403);
			assertThat(JSON.readTree(denied.body()).get("client").asString()).isEqualTo("spiffe://example.org/orders");
			assertThat(orders.get(url(context, "/actuator/prometheus")).statusCode()).isEqualTo(403);
			assertThat(orders.get(url(context, "/actuator/health")).statusCode()).isEqualTo(200);
			assertThat(orders.get(url(context, "/whoami")).statusCode()).isEqualTo(200);
			String scrape = caller().get(url(context, "/actuator/prometheus")).body();
			assertThat(scrape).containsPattern(
					"mtls_authorization_decisions_total\\{client=\"other\",outcome=\"denied\"[^}]*\\} [2-9]");
		}
	}

	@Test
	void onASeparateManagementPortProbesNeedNoCertificateButTheEndpointStaysClosed() throws Exception {
		Credential server = server(Duration.ofDays(30));
		Map<String, String> properties = Map.of("management.server.port", "0", "management.server.address", "127.0.0.1",
				"mtls.authorization.probes", "permit-all");
		try (ConfigurableApplicationContext context = start(server, properties)) {
			int managementPort = Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
			HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			HttpResponse<String> health = plain
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
			HttpResponse<String> endpoint = plain
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/mtls"))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(endpoint.statusCode()).isIn(401, 403);
			assertThat(endpoint.body()).doesNotContain("fingerprintSha256");
			assertThatException().isThrownBy(() -> TlsTestClient.anonymous(this.ca.certificateOfAuthority())
				.handshake("localhost", port(context)));
		}
	}

	private ConfigurableApplicationContext start(Credential server, Map<String, String> extra,
			X509Certificate... extraTrust) {
		List<X509Certificate> trust = new ArrayList<>(List.of(this.ca.certificateOfAuthority()));
		trust.addAll(List.of(extraTrust));
		MaterialFiles files = MaterialFiles.create(this.directory.resolve("material"), Replacement.RENAME, server,
				trust.toArray(new X509Certificate[0]));
		Map<String, Object> properties = new LinkedHashMap<>(files.bundlePropertyMap("service"));
		properties.put("server.port", "0");
		properties.put("management.endpoints.web.exposure.include", "health,mtls");
		properties.put("management.endpoint.health.show-details", "always");
		properties.put("management.endpoint.health.show-components", "always");
		properties.put("spring.security.user.password", PASSWORD);
		properties.putAll(extra);
		return new SpringApplicationBuilder(SecuredApplication.class).web(WebApplicationType.SERVLET)
			.properties(properties)
			.run();
	}

	private Credential server(Duration lifetime) {
		Instant now = Instant.now();
		return this.ca.certificate().localhostService().validity(now.minusSeconds(60), now.plus(lifetime)).issue();
	}

	private TlsTestClient caller() {
		return TlsTestClient.presenting(this.ca.certificate().uri("spiffe://example.org/ops").clientAuth().issue(),
				this.ca.certificateOfAuthority());
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static String url(ConfigurableApplicationContext context, String path) {
		return "https://localhost:" + port(context) + path;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asString()));
		return texts;
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		if (node.isObject()) {
			node.properties().forEach((entry) -> {
				names.add(entry.getKey());
				names.addAll(fieldNames(entry.getValue()));
			});
		}
		else if (node.isArray()) {
			node.forEach((element) -> names.addAll(fieldNames(element)));
		}
		return names;
	}

}
