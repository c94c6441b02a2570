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
package dev.mtls.boot.test.mockmvc;

import dev.mtls.boot.test.context.MtlsTest;
import dev.mtls.boot.test.context.MtlsTestPki;
import dev.mtls.boot.test.testapp.PeerApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.client.MockMvcWebTestClient;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static dev.mtls.boot.test.mockmvc.MtlsWebTestClientConfigurers.mtls;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link MtlsWebTestClientConfigurers}.
 *
 * @author mtls-spring-boot authors
 */
@SpringBootTest(classes = PeerApplication.class)
@MtlsTest
class MtlsWebTestClientConfigurersTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	MtlsTestPki pki;

	@Test
	void whenWebTestClientIsBoundToMockMvcThenRequestsCarryTheCertificate() {
		WebTestClient client = MockMvcWebTestClient.bindTo(MockMvcBuilders.webAppContextSetup(this.context).build())
			.build();

		client.mutateWith(mtls("spiffe://example.org/billing"))
			.get()
			.uri("/peer")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.serial")
			.isEqualTo(this.pki.client("spiffe://example.org/billing").serial().toString(16))
			.jsonPath("$.secure")
			.isEqualTo(true);
		client.get().uri("/peer").exchange().expectBody().jsonPath("$.subject").isEqualTo("anonymous");
	}

	@Test
	void whenWebTestClientCallsRealServerThenConfigurerRefuses() {
		WebTestClient client = WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("https://localhost:1")
			.build();

		assertThatIllegalStateException().isThrownBy(() -> client.mutateWith(mtls("spiffe://example.org/billing")))
			.withMessageContaining("MtlsTestClients");
	}

}
