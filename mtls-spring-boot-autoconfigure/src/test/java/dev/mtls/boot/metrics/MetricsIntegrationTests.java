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

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mtls.boot.test.client.TlsTestClient;
import dev.mtls.boot.test.client.TlsTestServer;
import dev.mtls.boot.test.files.MaterialFiles;
import dev.mtls.boot.test.files.Replacement;
import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.testapp.SecuredApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Tests the mTLS meters after real handshakes, reloads and authorization decisions, and
 * that the ready-made Prometheus alert rules and Grafana dashboard only use metrics that
 * the starter exports.
 *
 * @author mtls-spring-boot authors
 */
class MetricsIntegrationTests {

	private static final Pattern METRIC = Pattern.compile("\\bmtls_[a-z_]+");

	@TempDir
	static Path directory;

	static CertificateAuthority ca;

	static MaterialFiles files;

	static ConfigurableApplicationContext context;

	static MeterRegistry registry;

	@BeforeAll
	static void start() {
		ca = CertificateAuthority.root("Test Root CA");
		files = MaterialFiles.create(directory.resolve("material"), Replacement.RENAME, server(),
				ca.certificateOfAuthority());
		Map<String, Object> properties = new LinkedHashMap<>(files.bundlePropertyMap("service"));
		properties.put("server.port", "0");
		properties.put("management.endpoints.web.exposure.include", "health,prometheus,mtls");
		properties.put("mtls.metrics.client-tags", "spiffe://example.org/orders");
		properties.put("mtls.reload.quiet-period", "20ms");
		properties.put("mtls.reload.settle-time", "100ms");
		properties.put("mtls.authorization.clients[spiffe://example.org/orders]", "inventory:read");
		context = new SpringApplicationBuilder(SecuredApplication.class).web(WebApplicationType.SERVLET)
			.properties(properties)
			.run();
		registry = context.getBean(MeterRegistry.class);
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void verificationsAndHandshakesAreCountedWhereTheDecisionIsMade() throws Exception {
		double accepted = verifications("accepted", "none");
		client("spiffe://example.org/orders").get(url("/orders"));
		assertRefused(TlsTestClient.anonymous(ca.certificateOfAuthority()));
		assertRefused(TlsTestClient.presenting(
				CertificateAuthority.root("Stranger").certificate().uri("spiffe://example.org/x").clientAuth().issue(),
				ca.certificateOfAuthority()));
		assertRefused(TlsTestClient.presenting(
				ca.certificate().uri("spiffe://example.org/expired").clientAuth().expired().issue(),
				ca.certificateOfAuthority()));
		assertRefused(
				TlsTestClient.presenting(ca.certificate().uri("spiffe://example.org/server-only").serverAuth().issue(),
						ca.certificateOfAuthority()));
		TlsTestClient
			.presenting(ca.certificate().uri("spiffe://example.org/a", "spiffe://example.org/b").clientAuth().issue(),
					ca.certificateOfAuthority())
			.get(url("/whoami"));

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(verifications("accepted", "none")).isGreaterThan(accepted);
			assertThat(verifications("rejected", "no_certificate")).isGreaterThanOrEqualTo(1);
			assertThat(verifications("rejected", "untrusted_issuer")).isGreaterThanOrEqualTo(1);
			assertThat(verifications("rejected", "expired")).isGreaterThanOrEqualTo(1);
			assertThat(verifications("rejected", "wrong_key_usage")).isGreaterThanOrEqualTo(1);
			assertThat(verifications("rejected", "identity_refused")).isGreaterThanOrEqualTo(1);
		});
		assertThat(registry.get("mtls.handshake").tags("bundle", "service", "side", "server").timer().count())
			.isPositive();
	}

	@Test
	void clientsCountTheirVerificationsOfServers() {
		RestClient client = context.getBean(RestClient.Builder.class).build();
		double accepted = clientVerifications("accepted", "none");
		double untrusted = clientVerifications("rejected", "untrusted_issuer");
		CertificateAuthority stranger = CertificateAuthority.root("Stranger Root CA");

		client.get().uri(url("/whoami")).retrieve().toBodilessEntity();
		try (TlsTestServer server = TlsTestServer.start(
				stranger.certificate().dns("localhost").ip("127.0.0.1").serverAuth().issue(),
				ca.certificateOfAuthority())) {
			assertThatException().isThrownBy(() -> client.get().uri(server.url("/")).retrieve().toBodilessEntity());
		}

		assertThat(clientVerifications("accepted", "none")).isEqualTo(accepted + 1);
		assertThat(clientVerifications("rejected", "untrusted_issuer")).isEqualTo(untrusted + 1);
		assertThat(registry.get("mtls.handshake").tags("bundle", "service", "side", "client").timer().count())
			.isPositive();
	}

	@Test
	void authorizationDecisionsAreCountedWithBoundedClientTags() throws Exception {
		double allowed = decisions("allowed", "spiffe://example.org/orders");
		double denied = decisions("denied", "other");

		assertThat(client("spiffe://example.org/orders").get(url("/orders")).statusCode()).isEqualTo(200);
		assertThat(client("spiffe://example.org/billing").get(url("/orders")).statusCode()).isEqualTo(403);

		assertThat(decisions("allowed", "spiffe://example.org/orders")).isEqualTo(allowed + 1);
		assertThat(decisions("denied", "other")).isEqualTo(denied + 1);
		assertThat(
				registry.find("mtls.authorization.decisions").tag("client", "spiffe://example.org/billing").counter())
			.isNull();
	}

	@Test
	void reloadsAreCountedAndTheLastSuccessIsAGauge() throws Exception {
		double before = registry.get("mtls.reload.last.success").timeGauge().value();
		Credential next = server();

		files.replace(next, ca.certificateOfAuthority());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> registry.get("mtls.reloads").tags("outcome", "success").counter().count() >= 1);
		files.replace(server().certificatePem(), next.privateKeyPem() + "",
				dev.mtls.boot.test.pki.Pem.certificates(List.of(ca.certificateOfAuthority())));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> registry.get("mtls.reloads")
				.tags("outcome", "failure", "reason", "key_mismatch")
				.counter()
				.count() >= 1);

		assertThat(registry.get("mtls.reload.last.success").timeGauge().value()).isGreaterThanOrEqualTo(before);
		assertThat(registry.get("mtls.certificate.expiry").tags("role", "identity").timeGauge().value())
			.isBetween(Duration.ofDays(29).toSeconds() * 1.0, Duration.ofDays(31).toSeconds() * 1.0);
		assertThat(registry.get("mtls.certificate.expiry").tags("role", "trust").timeGauge().value())
			.isGreaterThan(Duration.ofDays(300).toSeconds() * 1.0);
		files.replace(next, ca.certificateOfAuthority());
	}

	@Test
	void alertRulesAndDashboardUseOnlyExportedMetrics() throws Exception {
		client("spiffe://example.org/orders").get(url("/orders"));
		HttpResponse<String> scrape = client("spiffe://example.org/orders").get(url("/actuator/prometheus"));
		assertThat(scrape.statusCode()).isEqualTo(200);
		Set<String> exported = metrics(scrape.body());
		Path root = Path.of("..").toAbsolutePath().normalize();

		Set<String> used = new TreeSet<>();
		used.addAll(metrics(Files.readString(root.resolve("ops/prometheus/mtls-alerts.yml"))));
		used.addAll(metrics(Files.readString(root.resolve("ops/grafana/mtls-dashboard.json"))));

		assertThat(exported).contains("mtls_peer_verifications_total", "mtls_handshake_seconds_count",
				"mtls_reloads_total", "mtls_reload_last_success_seconds", "mtls_certificate_expiry_seconds",
				"mtls_authorization_decisions_total");
		assertThat(used).isNotEmpty().isSubsetOf(exported);
		new org.yaml.snakeyaml.Yaml().load(Files.readString(root.resolve("ops/prometheus/mtls-alerts.yml")));
		assertThat(new tools.jackson.databind.ObjectMapper()
			.readTree(Files.readString(root.resolve("ops/grafana/mtls-dashboard.json")))
			.get("panels")
			.size()).isPositive();
	}

	private static Set<String> metrics(String text) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = METRIC.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group());
		}
		return names;
	}

	private static double verifications(String outcome, String reason) {
		return registry.get("mtls.peer.verifications")
			.tags("bundle", "service", "side", "server", "outcome", outcome, "reason", reason)
			.counter()
			.count();
	}

	private static double clientVerifications(String outcome, String reason) {
		return registry.get("mtls.peer.verifications")
			.tags("bundle", "service", "side", "client", "outcome", outcome, "reason", reason)
			.counter()
			.count();
	}

	private static double decisions(String outcome, String client) {
		return registry.get("mtls.authorization.decisions")
			.tags("outcome", outcome, "client", client)
			.counter()
			.count();
	}

	private static void assertRefused(TlsTestClient client) {
		assertThatException().isThrownBy(() -> client.handshake("localhost", port()));
	}

	private static TlsTestClient client(String spiffeId) {
		return TlsTestClient.presenting(ca.certificate().uri(spiffeId).clientAuth().issue(),
				ca.certificateOfAuthority());
	}

	private static Credential server() {
		return ca.certificate().localhostService().issue();
	}

	private static int port() {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static String url(String path) {
		return "https://localhost:" + port() + path;
	}

}
