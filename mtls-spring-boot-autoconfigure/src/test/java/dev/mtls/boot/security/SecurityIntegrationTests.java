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
package dev.mtls.boot.security;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mtls.boot.event.ClientAuthorizationEvent;
import dev.mtls.boot.test.client.TlsTestClient;
import dev.mtls.boot.test.pki.TestPki;
import dev.mtls.boot.testapp.SecuredApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for identities and authorization over real TLS on loopback, one
 * application per configuration.
 *
 * @author mtls-spring-boot authors
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityIntegrationTests {

	@TempDir
	static Path directory;

	static TestPki pki;

	@BeforeAll
	static void createPki() {
		pki = TestPki.create(directory);
	}

	@Test
	void rulesDecideOverRealTls() throws Exception {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(call(context, "spiffe://example.org/orders", "/orders").statusCode()).isEqualTo(200);
			HttpResponse<String> denied = call(context, "spiffe://example.org/billing", "/orders");
			assertThat(denied.statusCode()).isEqualTo(403);
			assertThat(denied.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(denied.body()).contains("\"client\":\"spiffe://example.org/billing\"")
				.contains("is not allowed to call GET /orders")
				.doesNotContain("Exception")
				.doesNotContain("at dev.");
			assertThat(call(context, "spiffe://example.org/ns/prod/sa/billing", "/orders/invoice").statusCode())
				.isEqualTo(200);
			assertThat(call(context, "spiffe://example.org/orders", "/orders/invoice").statusCode()).isEqualTo(403);
			assertThat(call(context, "spiffe://example.org/ops", "/orders/admin").statusCode()).isEqualTo(200);
			HttpResponse<String> whoami = call(context, "spiffe://example.org/anyone", "/whoami");
			assertThat(whoami.statusCode()).isEqualTo(200);
			assertThat(whoami.body()).contains("\"name\":\"spiffe://example.org/anyone\"");
		}
	}

	@Test
	void whenDefaultPolicyIsDenyThenEndpointsWithoutRuleAreForbidden() throws Exception {
		try (ConfigurableApplicationContext context = start("mtls.authorization.default-policy=deny")) {
			assertThat(call(context, "spiffe://example.org/anyone", "/whoami").statusCode()).isEqualTo(403);
			assertThat(call(context, "spiffe://example.org/orders", "/orders").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void whenAuditModeThenDeniedCallsGoThroughAndAreRecorded(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start("mtls.authorization.mode=audit")) {
			SecuredApplication.AuthorizationEvents events = context
				.getBean(SecuredApplication.AuthorizationEvents.class);

			HttpResponse<String> response = call(context, "spiffe://example.org/billing", "/orders");

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(events.events()).extracting(ClientAuthorizationEvent::getOutcome)
				.containsExactly(ClientAuthorizationEvent.Outcome.AUDIT_DENIED);
			assertThat(events.events().get(0).getClient()).isEqualTo("spiffe://example.org/billing");
			assertThat(output).contains(
					"AUDIT (mtls.authorization.mode=audit): spiffe://example.org/billing calling GET /orders would be denied by @AllowClients[spiffe://example.org/orders] on OrdersController; allowed");
		}
	}

	@Test
	void whenTrustDomainIsNotAcceptedThenRefusedBeforeAnyController() throws Exception {
		try (ConfigurableApplicationContext context = start("mtls.identity.trust-domains=example.org")) {
			HttpResponse<String> refused = call(context, "spiffe://other.org/orders", "/whoami");

			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(refused.body()).contains("Client identity refused")
				.contains(
						"The trust domain 'other.org' of spiffe://other.org/orders is not among the accepted trust domains");
			assertThat(call(context, "spiffe://example.org/orders", "/whoami").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void whenClientAuthIsWantThenAnonymousCallsGet401AndProbesCanBeOpened() throws Exception {
		try (ConfigurableApplicationContext context = start("mtls.server.client-auth=want",
				"mtls.authorization.probes=permit-all", "mtls.authorization.probe-paths=/probe")) {
			TlsTestClient anonymous = TlsTestClient.anonymous(pki.rootCertificate());

			HttpResponse<String> unauthorized = anonymous.get(url(context, "/whoami"));

			assertThat(unauthorized.statusCode()).isEqualTo(401);
			assertThat(unauthorized.body()).contains("A verified client certificate is required");
			assertThat(anonymous.get(url(context, "/probe")).statusCode()).isEqualTo(200);
			assertThat(anonymous.get(url(context, "/orders")).statusCode()).isEqualTo(401);
		}
	}

	@Test
	void whenIdentityIsDisabledThenNoMtlsSecurity() {
		try (ConfigurableApplicationContext context = start("mtls.identity.enabled=false")) {
			assertThat(context.getBeanNamesForType(MtlsAuthenticator.class)).isEmpty();
		}
	}

	static HttpResponse<String> call(ConfigurableApplicationContext context, String client, String path)
			throws Exception {
		return TlsTestClient.presenting(pki.client(client), pki.rootCertificate()).get(url(context, path));
	}

	static String url(ConfigurableApplicationContext context, String path) {
		return "https://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort() + path;
	}

	private static ConfigurableApplicationContext start(String... extra) {
		List<String> properties = new ArrayList<>(Arrays.asList(pki.bundleProperties("service")));
		properties.add("server.port=0");
		properties.addAll(Arrays.asList(extra));
		Map<String, Object> map = new LinkedHashMap<>();
		for (String property : properties) {
			map.put(property.substring(0, property.indexOf('=')), property.substring(property.indexOf('=') + 1));
		}
		map.put("mtls.authorization.clients[spiffe://example.org/orders]", "inventory:read");
		return new SpringApplicationBuilder(SecuredApplication.class).web(WebApplicationType.SERVLET)
			.properties(map)
			.run();
	}

}
