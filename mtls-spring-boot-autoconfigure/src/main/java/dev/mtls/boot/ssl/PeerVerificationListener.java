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

import java.time.Duration;

/**
 * Told about every peer verification and TLS handshake of a bundle's
 * {@link javax.net.ssl.SSLContext}, where the decision is made (the trust manager, the
 * engine). Called on handshake threads: implementations must be fast and must not throw.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 * @see MaterialSource#addVerificationListener(PeerVerificationListener)
 */
public interface PeerVerificationListener {

	/**
	 * A peer's certificate chain was accepted.
	 * @param side the side that verified ({@code SERVER} verifies clients)
	 */
	default void accepted(Side side) {
	}

	/**
	 * A peer was refused.
	 * @param side the side that refused
	 * @param reason why
	 */
	default void rejected(Side side, PeerRejection reason) {
	}

	/**
	 * A handshake on an engine of the bundle's SSL context completed (servers on Tomcat,
	 * clients on the JDK HttpClient and Reactor Netty; Apache HttpClient's blocking
	 * sockets are not observed).
	 * @param side the side of the handshake
	 * @param duration how long it took, from the first handshake record to completion
	 */
	default void handshakeCompleted(Side side, Duration duration) {
	}

	/**
	 * The side of a connection.
	 */
	enum Side {

		/**
		 * This application as a server: it verifies clients.
		 */
		SERVER,

		/**
		 * This application as a client: it verifies servers.
		 */
		CLIENT;

		/**
		 * Return the value used as metric tag.
		 * @return the tag value
		 */
		public String tag() {
			return (this == SERVER) ? "server" : "client";
		}

	}

}
