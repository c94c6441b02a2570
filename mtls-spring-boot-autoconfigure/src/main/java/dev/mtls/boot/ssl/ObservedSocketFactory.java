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
package dev.mtls.boot.ssl;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.function.Supplier;

import javax.net.ssl.HandshakeCompletedEvent;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import dev.mtls.boot.ssl.PeerVerificationListener.Side;

/**
 * The socket factory of the live context, for clients built on {@link SSLSocket} (Apache
 * HttpClient classic, {@code HttpsURLConnection}). Every socket comes from the current
 * JSSE context, gets the configured named groups and, when listeners are registered,
 * reports how long its first handshake took. The time is measured from the moment the
 * socket is connected or layered over a connected socket, so sockets created unconnected
 * are not timed.
 *
 * @author mtls-spring-boot authors
 */
final class ObservedSocketFactory extends SSLSocketFactory {

	private final Supplier<SSLContext> current;

	private final NamedGroups namedGroups;

	private final VerificationListeners listeners;

	ObservedSocketFactory(Supplier<SSLContext> current, NamedGroups namedGroups, VerificationListeners listeners) {
		this.current = current;
		this.namedGroups = namedGroups;
		this.listeners = listeners;
	}

	private SSLSocketFactory delegate() {
		return this.current.get().getSocketFactory();
	}

	@Override
	public String[] getDefaultCipherSuites() {
		return delegate().getDefaultCipherSuites();
	}

	@Override
	public String[] getSupportedCipherSuites() {
		return delegate().getSupportedCipherSuites();
	}

	@Override
	public Socket createSocket() throws IOException {
		return prepare(delegate().createSocket(), false);
	}

	@Override
	public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
		return prepare(delegate().createSocket(socket, host, port, autoClose), true);
	}

	@Override
	public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
		return prepare(delegate().createSocket(socket, consumed, autoClose), true);
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return prepare(delegate().createSocket(host, port), true);
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return prepare(delegate().createSocket(host, port, localHost, localPort), true);
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return prepare(delegate().createSocket(host, port), true);
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return prepare(delegate().createSocket(address, port, localAddress, localPort), true);
	}

	private Socket prepare(Socket socket, boolean connected) {
		if (socket instanceof SSLSocket ssl) {
			this.namedGroups.apply(ssl);
			if (connected && !this.listeners.isEmpty()) {
				ssl.addHandshakeCompletedListener(new FirstHandshake(System.nanoTime(), this.listeners));
			}
		}
		return socket;
	}

	/**
	 * Reports the duration of a socket's first handshake, then stops listening.
	 */
	private record FirstHandshake(long started,
			PeerVerificationListener listener) implements HandshakeCompletedListener {

		@Override
		public void handshakeCompleted(HandshakeCompletedEvent event) {
			SSLSocket socket = event.getSocket();
			socket.removeHandshakeCompletedListener(this);
			this.listener.handshakeCompleted(socket.getUseClientMode() ? Side.CLIENT : Side.SERVER,
					Duration.ofNanos(System.nanoTime() - this.started));
		}

	}

}
