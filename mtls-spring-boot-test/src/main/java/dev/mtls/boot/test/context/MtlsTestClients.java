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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mtls.boot.test.pki.Credential;

import org.springframework.boot.test.http.server.LocalTestWebServer;
import org.springframework.boot.test.http.server.LocalTestWebServer.BaseUriDetails;
import org.springframework.boot.test.http.server.LocalTestWebServer.Scheme;
import org.springframework.core.env.Environment;

/**
 * Clients for the running application under {@link MtlsTest @MtlsTest}, each presenting a
 * chosen client certificate (or none) and trusting the test CA. Inject it into the test:
 *
 * <pre class="code">
 * &#064;Autowired
 * MtlsTestClients clients;
 *
 * this.clients.as("spiffe://example.org/orders").restTestClient().get().uri("/whoami").exchange()
 *     .expectStatus().isOk()
 *     .expectBody().jsonPath("$.principal").isEqualTo("spiffe://example.org/orders");
 * this.clients.as("spiffe://example.org/ops").restTestClient().get().uri("/orders").exchange()
 *     .expectStatus().isForbidden();
 * assertThatExceptionOfType(SSLException.class).isThrownBy(() -&gt; this.clients.anonymous().handshake());
 * </pre>
 *
 * Clients are created once per certificate and reused; their base URI
 * ({@code https://localhost:<local.server.port><context-path>}) is resolved when a
 * request is made, so the application must run a server
 * ({@code @SpringBootTest(webEnvironment = RANDOM_PORT)} or {@code DEFINED_PORT}).
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class MtlsTestClients {

	private static final Object ANONYMOUS = new Object();

	private final MtlsTestPki pki;

	private final LocalTestWebServer server;

	private final Map<Object, MtlsTestClient> clients = new ConcurrentHashMap<>();

	MtlsTestClients(MtlsTestPki pki, Environment environment) {
		this.pki = pki;
		this.server = LocalTestWebServer.of(Scheme.HTTPS, () -> serverDetails(environment));
	}

	private static BaseUriDetails serverDetails(Environment environment) {
		Integer port = environment.getProperty("local.server.port", Integer.class);
		if (port == null) {
			throw new IllegalStateException(
					"The application under test runs no server (local.server.port is not set): use @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT) "
							+ "to call it over mTLS, or MockMvc with MtlsRequestPostProcessors.mtls(..) without a server");
		}
		return new BaseUriDetails(port, environment.getProperty("server.servlet.context-path", ""));
	}

	/**
	 * Return a client that presents a certificate of the test CA for an identity.
	 * @param identity the identity, for example {@code spiffe://example.org/orders},
	 * {@code dns:orders.example.org}, {@code email:orders@example.org} or
	 * {@code cn:orders}
	 * @return the client
	 */
	public MtlsTestClient as(String identity) {
		return presenting(this.pki.client(identity));
	}

	/**
	 * Return a client that presents no certificate.
	 * @return the client
	 */
	public MtlsTestClient anonymous() {
		return this.clients.computeIfAbsent(ANONYMOUS, (key) -> new MtlsTestClient(null, this.pki, this.server));
	}

	/**
	 * Return a client that presents a certificate for an identity from a CA the
	 * application does not trust (an impostor with the test CA's name but another key).
	 * @param identity the identity
	 * @return the client
	 */
	public MtlsTestClient untrusted(String identity) {
		return presenting(this.pki.untrusted(identity));
	}

	/**
	 * Return a client that presents any credential, for example one from
	 * {@code pki().certificates().expired(..)}.
	 * @param credential the credential
	 * @return the client
	 */
	public MtlsTestClient presenting(Credential credential) {
		return this.clients.computeIfAbsent(credential, (key) -> new MtlsTestClient(credential, this.pki, this.server));
	}

	/**
	 * Return the URI of a path on the running application.
	 * @param path the path, for example {@code /orders}
	 * @return the URI, for example {@code https://localhost:52817/orders}
	 */
	public String uri(String path) {
		return this.server.uri(path);
	}

	/**
	 * Return the test PKI.
	 * @return the PKI
	 */
	public MtlsTestPki pki() {
		return this.pki;
	}

}
