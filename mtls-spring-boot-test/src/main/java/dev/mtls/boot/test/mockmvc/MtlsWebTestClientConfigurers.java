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

import java.security.cert.X509Certificate;
import java.util.List;

import dev.mtls.boot.test.pki.Credential;

import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import org.springframework.test.web.servlet.client.MockMvcHttpConnector;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@link WebTestClientConfigurer}s for a {@code WebTestClient} bound to MockMvc
 * ({@code MockMvcWebTestClient.bindTo(mockMvc)}, or the one Spring Boot auto-configures
 * with {@code @AutoConfigureMockMvc}) that apply
 * {@link MtlsRequestPostProcessors#mtls(String)} to its requests:
 *
 * <pre class="code">
 * webTestClient.mutateWith(mtls("spiffe://example.org/billing"))
 *     .get().uri("/orders").exchange()
 *     .expectStatus().isOk();
 * </pre>
 *
 * The mutated client applies this post-processor only: MockMvc post-processors set on the
 * original connector are replaced. For a {@code WebTestClient} of a running server use
 * {@code MtlsTestClients} instead.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class MtlsWebTestClientConfigurers {

	private MtlsWebTestClientConfigurers() {
	}

	/**
	 * Present a client certificate for an identity.
	 * @param identity the identity
	 * @return the configurer
	 * @see MtlsRequestPostProcessors#mtls(String)
	 */
	public static WebTestClientConfigurer mtls(String identity) {
		return configurer(MtlsRequestPostProcessors.mtls(identity));
	}

	/**
	 * Present a credential's certificate chain.
	 * @param credential the credential
	 * @return the configurer
	 */
	public static WebTestClientConfigurer mtls(Credential credential) {
		return configurer(MtlsRequestPostProcessors.mtls(credential));
	}

	/**
	 * Present a certificate chain.
	 * @param chain the chain, leaf first
	 * @return the configurer
	 */
	public static WebTestClientConfigurer mtls(X509Certificate... chain) {
		return configurer(MtlsRequestPostProcessors.mtls(chain));
	}

	private static WebTestClientConfigurer configurer(RequestPostProcessor postProcessor) {
		return (builder, httpHandlerBuilder, connector) -> {
			if (!(connector instanceof MockMvcHttpConnector mockMvc)) {
				throw new IllegalStateException(
						"mtls(..) applies to a WebTestClient bound to MockMvc; for a running server use MtlsTestClients");
			}
			builder.clientConnector(mockMvc.with(List.of(postProcessor)));
		};
	}

}
