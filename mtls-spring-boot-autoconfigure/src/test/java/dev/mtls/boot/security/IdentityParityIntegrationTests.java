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

import java.util.LinkedHashMap;
import java.util.Map;

import dev.mtls.boot.test.context.MtlsTest;
import dev.mtls.boot.test.context.MtlsTestClients;
import dev.mtls.boot.test.context.MtlsTestPki;
import dev.mtls.boot.testapp.SecuredApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.mtls.boot.test.mockmvc.MtlsRequestPostProcessors.mtls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Tests that {@link MtlsTest @MtlsTest} clients over real TLS and
 * {@code MtlsRequestPostProcessors.mtls(..)} in MockMvc give the application the same
 * {@link ClientIdentity}, the same authorities and the same authorization decisions.
 *
 * @author mtls-spring-boot authors
 */
@SpringBootTest(classes = { SecuredApplication.class, IdentityParityIntegrationTests.IdentityController.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@MtlsTest
class IdentityParityIntegrationTests {

	@Autowired
	MtlsTestClients clients;

	@Autowired
	MtlsTestPki pki;

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void authorities(DynamicPropertyRegistry registry) {
		registry.add("mtls.authorization.clients[spiffe://example.org/orders]", () -> "inventory:read");
		registry.add("mtls.authorization.clients[billing.example.org]", () -> "inventory:read,inventory:write");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "spiffe://example.org/orders", "dns:billing.example.org", "cn:ops", "email:audit@example.org" })
	void whenSameIdentityThenHandshakeAndPostProcessorGiveSameIdentityAndAuthorities(String identity) throws Exception {
		String overTls = this.clients.as(identity)
			.restTestClient()
			.get()
			.uri("/identity")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();

		String overMockMvc = this.mvc.perform(get("/identity").with(mtls(identity)))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(overMockMvc).isEqualTo(overTls);
		assertThat(overTls).contains("\"serial\":\"" + this.pki.client(identity).serial().toString(16) + "\"")
			.contains("FACTOR_X509");
	}

	@ParameterizedTest
	@ValueSource(strings = { "spiffe://example.org/orders", "dns:billing.example.org", "spiffe://example.org/ops" })
	void whenSameIdentityThenHandshakeAndPostProcessorGetSameDecision(String identity) throws Exception {
		for (String path : new String[] { "/orders", "/inventory", "/inventory/write", "/orders/admin" }) {
			int overTls = this.clients.as(identity)
				.restTestClient()
				.get()
				.uri(path)
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value();

			int overMockMvc = this.mvc.perform(get(path).with(mtls(identity))).andReturn().getResponse().getStatus();

			assertThat(overMockMvc).as("%s calling %s", identity, path).isEqualTo(overTls);
		}
	}

	/**
	 * Describes the authenticated caller: its identity and its authorities.
	 */
	@RestController
	static class IdentityController {

		@GetMapping("/identity")
		Map<String, Object> identity(Authentication authentication) {
			Map<String, Object> identity = new LinkedHashMap<>();
			identity.put("identity", authentication.getPrincipal());
			identity.put("authorities",
					authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
			return identity;
		}

	}

}
