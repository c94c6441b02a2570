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

import dev.mtls.boot.event.ClientAuthorizationEvent;
import dev.mtls.boot.test.context.MtlsTest;
import dev.mtls.boot.test.context.MtlsTestPki;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.testapp.SecuredApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static dev.mtls.boot.test.mockmvc.MtlsRequestPostProcessors.mtls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tests for identity and {@code @AllowClients} rules with MockMvc and the test support's
 * {@code mtls(identity)} post-processor, without sockets.
 *
 * @author mtls-spring-boot authors
 */
@SpringBootTest(classes = SecuredApplication.class)
@AutoConfigureMockMvc
@MtlsTest
class AuthorizationMockMvcTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MtlsTestPki pki;

	@Autowired
	SecuredApplication.AuthorizationEvents events;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("mtls.authorization.clients[spiffe://example.org/orders]", () -> "inventory:read");
		registry.add("mtls.authorization.clients[spiffe://example.org/ns/*/sa/billing]",
				() -> "inventory:read,inventory:write");
	}

	@BeforeEach
	void clearEvents() {
		this.events.clear();
	}

	@Test
	void whenClassRuleAllowsClientThenOk() throws Exception {
		this.mvc.perform(get("/orders").with(mtls("spiffe://example.org/orders")))
			.andExpect(status().isOk())
			.andExpect(content().string("orders"));
	}

	@Test
	void whenClassRuleRefusesClientThen403ProblemNamingTheClient() throws Exception {
		this.mvc.perform(get("/orders").with(mtls("spiffe://example.org/billing")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(jsonPath("$.title").value("Forbidden"))
			.andExpect(jsonPath("$.client").value("spiffe://example.org/billing"))
			.andExpect(jsonPath("$.detail")
				.value("Client 'spiffe://example.org/billing' is not allowed to call GET /orders."))
			.andExpect(jsonPath("$.instance").value("/orders"));
		assertThat(this.events.events()).singleElement()
			.satisfies((event) -> assertThat(event.getOutcome()).isEqualTo(ClientAuthorizationEvent.Outcome.DENIED));
	}

	@Test
	void whenMethodRuleOverridesClassRuleThenMethodRuleDecides() throws Exception {
		this.mvc.perform(get("/orders/invoice").with(mtls("spiffe://example.org/ns/prod/sa/billing")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/orders/invoice").with(mtls("spiffe://example.org/orders")))
			.andExpect(status().isForbidden());
	}

	@Test
	void whenWildcardDoesNotMatchAcrossSegmentsThenDenied() throws Exception {
		this.mvc.perform(get("/orders/invoice").with(mtls("spiffe://example.org/ns/prod/extra/sa/billing")))
			.andExpect(status().isForbidden());
	}

	@Test
	void whenMetaAnnotationNamesOperatorsThenOnlyOperatorsAreAllowed() throws Exception {
		this.mvc.perform(get("/orders/admin").with(mtls("spiffe://example.org/ops"))).andExpect(status().isOk());
		this.mvc.perform(get("/orders/admin").with(mtls("spiffe://example.org/orders")))
			.andExpect(status().isForbidden());
	}

	@Test
	void whenDeniedThenRequestBodyIsNotRead() throws Exception {
		this.mvc
			.perform(post("/orders").with(mtls("spiffe://example.org/billing"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("not json"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/orders").with(mtls("spiffe://example.org/orders"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"id\":7}"))
			.andExpect(status().isOk())
			.andExpect(content().string("created 7"));
	}

	@Test
	void whenEmptyRuleThenNobodyIsAllowed() throws Exception {
		this.mvc.perform(get("/nobody").with(mtls("spiffe://example.org/ops"))).andExpect(status().isForbidden());
	}

	@Test
	void whenNoRuleThenAnyVerifiedClientIsAllowedAndSeesItsIdentity() throws Exception {
		Credential anyone = this.pki.client("spiffe://example.org/anyone");

		this.mvc.perform(get("/whoami").with(mtls("spiffe://example.org/anyone")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("spiffe://example.org/anyone"))
			.andExpect(jsonPath("$.source").value("SPIFFE"))
			.andExpect(jsonPath("$.trustDomain").value("example.org"))
			.andExpect(jsonPath("$.serial").value(anyone.serial().toString(16)));
	}

	@Test
	void whenNoCertificateThen401Problem() throws Exception {
		this.mvc.perform(get("/whoami"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("A verified client certificate is required to call GET /whoami."));
	}

	@Test
	void whenIdentityIsRefusedThen403ProblemBeforeAnyController() throws Exception {
		Credential twoIds = this.pki.authority()
			.certificate()
			.uri("spiffe://example.org/a", "spiffe://example.org/b")
			.clientAuth()
			.issue();

		this.mvc.perform(get("/whoami").with(mtls(twoIds)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Client identity refused")));
	}

	@Test
	void whenAuthoritiesAreMappedThenPreAuthorizeAndSecuredUseThem() throws Exception {
		this.mvc.perform(get("/inventory").with(mtls("spiffe://example.org/orders"))).andExpect(status().isOk());
		this.mvc.perform(get("/inventory").with(mtls("spiffe://example.org/ops"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/inventory/write").with(mtls("spiffe://example.org/ns/dev/sa/billing")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/inventory/write").with(mtls("spiffe://example.org/orders")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.client").value("spiffe://example.org/orders"));
	}

	@Test
	void whenRequestIsAuthenticatedThenTheClientIsInTheLoggingMdc() throws Exception {
		this.mvc.perform(get("/mdc").with(mtls("spiffe://example.org/orders")))
			.andExpect(status().isOk())
			.andExpect(content().string("spiffe://example.org/orders"));
		assertThat(org.slf4j.MDC.get("mtls.client")).isNull();
	}

}
