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
package dev.mtls.boot.test.client;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.mtls.boot.test.pki.Credential;

/**
 * An HTTPS server on loopback for tests of mTLS clients: it presents a chosen certificate
 * (also one a client should refuse), requires client certificates from the given
 * authorities, and answers every request with 200 and the client's subject.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class TlsTestServer implements AutoCloseable {

	private final HttpsServer server;

	private TlsTestServer(HttpsServer server) {
		this.server = server;
	}

	/**
	 * Start a server on a random loopback port.
	 * @param credential the certificate the server presents
	 * @param trusted the authorities whose client certificates it accepts
	 * @return the running server
	 */
	public static TlsTestServer start(Credential credential, X509Certificate... trusted) {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(new KeyManager[] { new CredentialKeyManager(credential) }, trustManagers(trusted), null);
			HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.setHttpsConfigurator(new HttpsConfigurator(context) {

				@Override
				public void configure(HttpsParameters parameters) {
					SSLParameters ssl = context.getDefaultSSLParameters();
					ssl.setNeedClientAuth(true);
					parameters.setSSLParameters(ssl);
				}

			});
			server.createContext("/", (exchange) -> {
				String subject = "anonymous";
				if (exchange instanceof com.sun.net.httpserver.HttpsExchange https
						&& https.getSSLSession().getPeerCertificates().length > 0) {
					subject = ((X509Certificate) https.getSSLSession().getPeerCertificates()[0])
						.getSubjectX500Principal()
						.getName();
				}
				byte[] body = subject.getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return new TlsTestServer(server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Unable to start the test TLS server", ex);
		}
	}

	/**
	 * Return the port.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Return the URL of a path on this server, with host {@code localhost}.
	 * @param path the path
	 * @return the URL
	 */
	public String url(String path) {
		return "https://localhost:" + port() + path;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private static javax.net.ssl.TrustManager[] trustManagers(X509Certificate... trusted)
			throws GeneralSecurityException, IOException {
		KeyStore trustStore = KeyStore.getInstance("PKCS12");
		trustStore.load(null, null);
		for (int i = 0; i < trusted.length; i++) {
			trustStore.setCertificateEntry("trusted-" + i, trusted[i]);
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trustStore);
		return factory.getTrustManagers();
	}

}
