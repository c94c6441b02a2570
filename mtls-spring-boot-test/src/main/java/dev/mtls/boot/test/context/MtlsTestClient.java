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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;

import dev.mtls.boot.test.client.TlsTestClient;
import dev.mtls.boot.test.pki.Credential;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.http.server.LocalTestWebServer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A client of the running application under {@link MtlsTest @MtlsTest} that presents one
 * client certificate (or none) and trusts the test CA, in the flavour the test prefers:
 * {@link RestTestClient}, {@link RestClient}, {@link WebTestClient}, {@link WebClient} or
 * the JDK {@link HttpClient}. All of them share one HTTP client (HTTP/1.1, host name
 * verification on) and have the application's base URI, so requests name paths only.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 * @see MtlsTestClients
 */
public final class MtlsTestClient {

	private static final String HOST = "localhost";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String WEBFLUX_CLASS = "org.springframework.web.reactive.function.client.WebClient";

	private final @Nullable Credential credential;

	private final LocalTestWebServer server;

	private final TlsTestClient tls;

	MtlsTestClient(@Nullable Credential credential, MtlsTestPki pki, LocalTestWebServer server) {
		this.credential = credential;
		this.server = server;
		this.tls = (credential != null) ? TlsTestClient.presenting(credential, pki.rootCertificate())
				: TlsTestClient.anonymous(pki.rootCertificate());
	}

	/**
	 * Return the credential this client presents.
	 * @return the credential, or {@code null} if the client presents no certificate
	 */
	public @Nullable Credential credential() {
		return this.credential;
	}

	/**
	 * Return a {@link RestTestClient} for the application, for fluent assertions on
	 * status, headers and body.
	 * @return the client
	 */
	public RestTestClient restTestClient() {
		return RestTestClient.bindToServer(requestFactory()).uriBuilderFactory(this.server.uriBuilderFactory()).build();
	}

	/**
	 * Return a {@link RestClient} for the application. Like {@code TestRestTemplate}, it
	 * does not throw on 4xx and 5xx responses, so that tests can assert on them.
	 * @return the client
	 */
	public RestClient restClient() {
		return RestClient.builder()
			.requestFactory(requestFactory())
			.uriBuilderFactory(this.server.uriBuilderFactory())
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	/**
	 * Return a {@link WebTestClient} for the application. Needs {@code spring-webflux} on
	 * the test class path.
	 * @return the client
	 */
	public WebTestClient webTestClient() {
		assertWebFluxPresent("WebTestClient");
		return ReactiveClients.webTestClient(httpClient(), this.server.uriBuilderFactory(), TIMEOUT);
	}

	/**
	 * Return a {@link WebClient} for the application. Needs {@code spring-webflux} on the
	 * test class path.
	 * @return the client
	 */
	public WebClient webClient() {
		assertWebFluxPresent("WebClient");
		return ReactiveClients.webClient(httpClient(), this.server.uriBuilderFactory());
	}

	/**
	 * Return the JDK HTTP client that all flavours of this client use.
	 * @return the HTTP client
	 */
	public HttpClient httpClient() {
		return this.tls.httpClient();
	}

	/**
	 * Return the SSL context of this client, for other HTTP clients.
	 * @return the SSL context
	 */
	public SSLContext sslContext() {
		return this.tls.sslContext();
	}

	/**
	 * Make a TLS handshake with the application and a minimal request, and return the
	 * session once the application answered. With TLS 1.3 a server checks the client
	 * certificate after the client considers the handshake complete, so a refusal shows
	 * when the answer is read; this method waits for it.
	 * @return the session
	 * @throws SSLException if the application refused the handshake
	 * @throws UncheckedIOException if the application could not be reached
	 */
	public SSLSession handshake() throws SSLException {
		URI base = URI.create(this.server.uri());
		try {
			return this.tls.session(HOST, base.getPort());
		}
		catch (IOException ex) {
			SSLException refusal = refusal(ex);
			if (refusal == null) {
				throw new UncheckedIOException("Unable to reach the application at " + base, ex);
			}
			throw refusal;
		}
	}

	private static @Nullable SSLException refusal(IOException failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SSLException ssl) {
				return ssl;
			}
		}
		if (failure instanceof ConnectException) {
			return null;
		}
		String message = failure.getMessage();
		if (failure instanceof SocketException
				|| (message != null && message.startsWith("Server closed the connection"))) {
			SSLException closed = new SSLHandshakeException(
					"The server closed the connection during the TLS handshake: " + message);
			closed.initCause(failure);
			return closed;
		}
		return null;
	}

	private JdkClientHttpRequestFactory requestFactory() {
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient());
		requestFactory.setReadTimeout(TIMEOUT);
		return requestFactory;
	}

	private static void assertWebFluxPresent(String client) {
		if (!ClassUtils.isPresent(WEBFLUX_CLASS, MtlsTestClient.class.getClassLoader())) {
			throw new IllegalStateException("A " + client
					+ " needs spring-webflux on the test class path; use restTestClient() or restClient() without it");
		}
	}

	@Override
	public String toString() {
		return "MtlsTestClient[" + ((this.credential != null)
				? this.credential.certificate().getSubjectX500Principal().getName() : "no certificate") + "]";
	}

}
