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
package dev.mtls.boot.server;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;

import dev.mtls.boot.ssl.MaterialSource;
import org.apache.tomcat.util.net.SSLContext;

/**
 * Adapts the bundle's long-lived JSSE {@link javax.net.ssl.SSLContext} to Tomcat's
 * {@link SSLContext}. Tomcat uses a provided context as it is and never re-creates it, so
 * our key and trust managers (and every later reload) apply to each handshake.
 *
 * @author mtls-spring-boot authors
 */
final class TomcatSslContext implements SSLContext {

	private final MaterialSource source;

	TomcatSslContext(MaterialSource source) {
		this.source = source;
	}

	@Override
	public void init(KeyManager[] kms, TrustManager[] tms, SecureRandom sr) {
		// The JSSE context was initialized with swappable managers when it was created
	}

	@Override
	public void destroy() {
		// The context lives as long as the application; Tomcat only destroys contexts it
		// generated itself
	}

	@Override
	public SSLSessionContext getServerSessionContext() {
		return this.source.sslContext().getServerSessionContext();
	}

	@Override
	public SSLEngine createSSLEngine() {
		return this.source.sslContext().createSSLEngine();
	}

	@Override
	public SSLServerSocketFactory getServerSocketFactory() {
		return this.source.sslContext().getServerSocketFactory();
	}

	@Override
	public SSLParameters getSupportedSSLParameters() {
		return this.source.sslContext().getSupportedSSLParameters();
	}

	@Override
	public X509Certificate[] getCertificateChain(String alias) {
		return this.source.current().chain().toArray(new X509Certificate[0]);
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return this.source.current().trustAnchors().toArray(new X509Certificate[0]);
	}

}
