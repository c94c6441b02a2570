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
package dev.mtls.boot.hardening;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import dev.mtls.boot.test.client.TlsTestClient;
import dev.mtls.boot.test.pki.TestPki;
import dev.mtls.boot.testapp.PeerApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests the TLS configuration over real TLS: TLS 1.3 and 1.2 with forward-secret AEAD
 * suites by default, a TLS 1.3-only mode, and refused renegotiation.
 *
 * @author mtls-spring-boot authors
 */
class TlsConfigurationIntegrationTests {

	@TempDir
	Path directory;

	private TestPki pki;

	private TlsTestClient client;

	@BeforeEach
	void createPki() {
		this.pki = TestPki.create(this.directory);
		this.client = TlsTestClient.presenting(this.pki.client("spiffe://example.org/tls"), this.pki.rootCertificate());
	}

	@Test
	void whenDefaultsThenTls13AndTls12WithForwardSecretAeadSuites() throws Exception {
		try (ConfigurableApplicationContext context = start()) {
			SSLSession tls13 = this.client.session("localhost", port(context));
			SSLSession tls12 = this.client.withProtocols("TLSv1.2").session("localhost", port(context));

			assertThat(tls13.getProtocol()).isEqualTo("TLSv1.3");
			assertThat(tls12.getProtocol()).isEqualTo("TLSv1.2");
			assertThat(tls12.getCipherSuite()).startsWith("TLS_ECDHE_").containsAnyOf("_GCM_", "_CHACHA20_");
			assertThatException()
				.isThrownBy(() -> this.client.withProtocols("TLSv1.1").session("localhost", port(context)));
		}
	}

	@Test
	void whenClientOffersOnlySuitesWithoutAeadThenHandshakeFails() throws Exception {
		try (ConfigurableApplicationContext context = start(); SSLSocket socket = socket(port(context), "TLSv1.2")) {
			socket.setEnabledCipherSuites(new String[] { "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256" });

			assertThatExceptionOfType(IOException.class).isThrownBy(socket::startHandshake);
		}
	}

	@Test
	void whenTls13OnlyThenTls12ClientsAreRefused() throws Exception {
		try (ConfigurableApplicationContext context = start(
				"spring.ssl.bundle.pem.service.options.enabled-protocols=TLSv1.3")) {
			assertThat(this.client.session("localhost", port(context)).getProtocol()).isEqualTo("TLSv1.3");
			assertThatException()
				.isThrownBy(() -> this.client.withProtocols("TLSv1.2").session("localhost", port(context)));
		}
	}

	@Test
	void whenClientStartsRenegotiationThenServerRefusesIt() throws Exception {
		try (ConfigurableApplicationContext context = start(); SSLSocket socket = socket(port(context), "TLSv1.2")) {
			socket.startHandshake();
			socket.startHandshake();
			socket.getOutputStream().write("GET /peer HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes());
			socket.getOutputStream().flush();

			int answer;
			try {
				answer = socket.getInputStream().read();
			}
			catch (IOException ex) {
				answer = -1;
			}

			assertThat(answer).as("the server must not answer after a renegotiation attempt").isEqualTo(-1);
		}
	}

	private SSLSocket socket(int port, String protocol) throws IOException {
		Socket tcp = new Socket();
		tcp.connect(new InetSocketAddress("localhost", port), 5000);
		tcp.setSoTimeout(5000);
		SSLSocket socket = (SSLSocket) this.client.sslContext()
			.getSocketFactory()
			.createSocket(tcp, "localhost", port, true);
		socket.setEnabledProtocols(new String[] { protocol });
		return socket;
	}

	private ConfigurableApplicationContext start(String... extra) {
		List<String> properties = new ArrayList<>(List.of(this.pki.bundleProperties("service")));
		properties.add("server.port=0");
		properties.addAll(List.of(extra));
		return new SpringApplicationBuilder(PeerApplication.class).web(WebApplicationType.SERVLET)
			.properties(properties.toArray(new String[0]))
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
