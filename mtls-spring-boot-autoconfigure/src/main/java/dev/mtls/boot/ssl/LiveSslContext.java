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

import java.security.SecureRandom;
import java.util.List;
import java.util.function.Supplier;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The one long-lived {@link SSLContext} of a bundle that servers and clients hold on to.
 * It delegates every call to the current JSSE context, which every reload replaces, so
 * that sessions and TLS 1.3 session tickets established with the old certificates or
 * under the old trust cannot be resumed (JSSE does not consult key or trust managers when
 * it resumes a session). Between reloads, sessions resume as usual.
 *
 * @author mtls-spring-boot authors
 */
final class LiveSslContext extends SSLContext {

	LiveSslContext(Supplier<SSLContext> current, List<String> namedGroups, VerificationListeners listeners) {
		super(new DelegatingSpi(current, namedGroups, listeners), current.get().getProvider(),
				current.get().getProtocol());
	}

	private static final class DelegatingSpi extends SSLContextSpi {

		private final Supplier<SSLContext> current;

		private final NamedGroups namedGroups;

		private final VerificationListeners listeners;

		private final ObservedSocketFactory socketFactory;

		DelegatingSpi(Supplier<SSLContext> current, List<String> namedGroups, VerificationListeners listeners) {
			this.current = current;
			this.namedGroups = new NamedGroups(namedGroups);
			this.listeners = listeners;
			this.socketFactory = new ObservedSocketFactory(current, this.namedGroups, listeners);
		}

		private SSLEngine prepare(SSLEngine engine) {
			this.namedGroups.apply(engine);
			boolean observe = !this.listeners.isEmpty() || ObservedSslEngine.logsFailures();
			return observe ? new ObservedSslEngine(engine, this.listeners) : engine;
		}

		@Override
		protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) {
			throw new UnsupportedOperationException("The mTLS SSL context is initialized by its bundle");
		}

		@Override
		protected SSLSocketFactory engineGetSocketFactory() {
			return this.socketFactory;
		}

		@Override
		protected SSLServerSocketFactory engineGetServerSocketFactory() {
			return this.current.get().getServerSocketFactory();
		}

		@Override
		protected SSLEngine engineCreateSSLEngine() {
			return prepare(this.current.get().createSSLEngine());
		}

		@Override
		protected SSLEngine engineCreateSSLEngine(String host, int port) {
			return prepare(this.current.get().createSSLEngine(host, port));
		}

		@Override
		protected SSLSessionContext engineGetServerSessionContext() {
			return this.current.get().getServerSessionContext();
		}

		@Override
		protected SSLSessionContext engineGetClientSessionContext() {
			return this.current.get().getClientSessionContext();
		}

		@Override
		protected SSLParameters engineGetDefaultSSLParameters() {
			return this.current.get().getDefaultSSLParameters();
		}

		@Override
		protected SSLParameters engineGetSupportedSSLParameters() {
			return this.current.get().getSupportedSSLParameters();
		}

	}

}
