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
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import dev.mtls.boot.test.pki.Credential;
import org.jspecify.annotations.Nullable;

/**
 * An HTTPS client for tests that presents a chosen client certificate (or none) and
 * trusts chosen authorities, built on the JDK's {@link HttpClient} with host name
 * verification on.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class TlsTestClient {

	private final @Nullable Credential credential;

	private final X509Certificate[] trusted;

	private final String @Nullable [] protocols;

	private final SSLContext sslContext;

	private final HttpClient httpClient;

	private TlsTestClient(@Nullable Credential credential, X509Certificate[] trusted, String @Nullable [] protocols) {
		this.credential = credential;
		this.trusted = trusted.clone();
		this.protocols = protocols;
		this.sslContext = sslContext(credential, trusted);
		SSLParameters parameters = this.sslContext.getDefaultSSLParameters();
		if (protocols != null) {
			parameters.setProtocols(protocols);
		}
		this.httpClient = HttpClient.newBuilder()
			.sslContext(this.sslContext)
			.sslParameters(parameters)
			.connectTimeout(Duration.ofSeconds(10))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/**
	 * Create a client that presents a credential.
	 * @param credential the client credential
	 * @param trusted the authorities that verify the server
	 * @return the client
	 */
	public static TlsTestClient presenting(Credential credential, X509Certificate... trusted) {
		return new TlsTestClient(credential, trusted, null);
	}

	/**
	 * Create a client that presents no certificate.
	 * @param trusted the authorities that verify the server
	 * @return the client
	 */
	public static TlsTestClient anonymous(X509Certificate... trusted) {
		return new TlsTestClient(null, trusted, null);
	}

	/**
	 * Return a client with the same certificate and trust but an empty session cache, so
	 * that its connections make full handshakes.
	 * @return the new client
	 */
	public TlsTestClient withNewSessions() {
		return new TlsTestClient(this.credential, this.trusted, this.protocols);
	}

	/**
	 * Return a client with the same certificate and trust that only offers the given
	 * protocols (for example {@code TLSv1.2}, whose resumed sessions keep their ID).
	 * @param protocols the protocols
	 * @return the new client
	 */
	public TlsTestClient withProtocols(String... protocols) {
		return new TlsTestClient(this.credential, this.trusted, protocols.clone());
	}

	/**
	 * Return the SSL context of this client.
	 * @return the SSL context
	 */
	public SSLContext sslContext() {
		return this.sslContext;
	}

	/**
	 * Return the HTTP client (HTTP/1.1, host name verification on) that {@link #get}
	 * uses.
	 * @return the HTTP client
	 */
	public HttpClient httpClient() {
		return this.httpClient;
	}

	/**
	 * Send a GET request.
	 * @param uri the URI
	 * @return the response
	 * @throws IOException on I/O or TLS failure
	 * @throws InterruptedException if interrupted
	 */
	public HttpResponse<String> get(String uri) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).GET().build();
		return this.httpClient.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Complete a fresh TLS handshake (no session reuse) with a server and return the leaf
	 * certificate it presented. With TLS 1.3 a server verifies the client certificate
	 * after the client's handshake completes, so a refused client surfaces when data is
	 * read: this method reads until the server answers or closes.
	 * @param host the host
	 * @param port the port
	 * @return the server's leaf certificate
	 * @throws IOException on I/O or TLS failure, including a refused client
	 */
	public X509Certificate handshake(String host, int port) throws IOException {
		return (X509Certificate) session(host, port).getPeerCertificates()[0];
	}

	/**
	 * Forget the sessions this client cached, so that its next connection makes a full
	 * handshake.
	 * @return this client
	 */
	public TlsTestClient forgetSessions() {
		SSLSessionContext sessions = this.sslContext.getClientSessionContext();
		for (byte[] id : Collections.list(sessions.getIds())) {
			SSLSession session = sessions.getSession(id);
			if (session != null) {
				session.invalidate();
			}
		}
		return this;
	}

	/**
	 * Complete a TLS handshake with a server (resuming a cached session if the server
	 * allows it), send a request and return the session once the server answered.
	 * @param host the host
	 * @param port the port
	 * @return the session
	 * @throws IOException on I/O or TLS failure, including a refused client
	 */
	public SSLSession session(String host, int port) throws IOException {
		Socket tcp = new Socket();
		tcp.setTcpNoDelay(true);
		tcp.connect(new InetSocketAddress(host, port), 10_000);
		try (SSLSocket socket = (SSLSocket) this.sslContext.getSocketFactory().createSocket(tcp, host, port, true)) {
			socket.setSoTimeout(10_000);
			SSLParameters parameters = socket.getSSLParameters();
			parameters.setEndpointIdentificationAlgorithm("HTTPS");
			if (this.protocols != null) {
				parameters.setProtocols(this.protocols);
			}
			socket.setSSLParameters(parameters);
			socket.startHandshake();
			socket.getOutputStream()
				.write(("HEAD / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes());
			socket.getOutputStream().flush();
			if (socket.getInputStream().read() < 0) {
				throw new IOException("Server closed the connection without a response");
			}
			return socket.getSession();
		}
	}

	private static SSLContext sslContext(@Nullable Credential credential, X509Certificate... trusted) {
		try {
			KeyManager[] keyManagers = (credential != null) ? new KeyManager[] { new CredentialKeyManager(credential) }
					: null;
			KeyStore trustStore = KeyStore.getInstance("PKCS12");
			trustStore.load(null, null);
			for (int i = 0; i < trusted.length; i++) {
				trustStore.setCertificateEntry("trusted-" + i, trusted[i]);
			}
			TrustManagerFactory trustManagerFactory = TrustManagerFactory
				.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagerFactory.init(trustStore);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers, trustManagerFactory.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Unable to create test SSL context", ex);
		}
	}

}
