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

import java.util.function.Supplier;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.SslStoreBundle;

/**
 * A live {@link SslBundle} view of a {@link MaterialSource}: Spring Boot consumers (HTTP
 * client builders, SSL info) that are handed this bundle use the swappable managers and
 * the one long-lived {@link SSLContext}, so they see reloaded material too.
 *
 * @author mtls-spring-boot authors
 */
final class MtlsSslBundle implements SslBundle {

	private final Supplier<ActiveMaterial> current;

	private final SSLContext sslContext;

	private final SslOptions options;

	private final SslManagerBundle managers;

	MtlsSslBundle(Supplier<ActiveMaterial> current, SSLContext sslContext, SslOptions options,
			SwappableKeyManager keyManager, SwappableTrustManager trustManager) {
		this.current = current;
		this.sslContext = sslContext;
		this.options = options;
		KeyManagerFactory keyManagerFactory = FixedManagerFactories.keyManagerFactory(keyManager);
		TrustManagerFactory trustManagerFactory = FixedManagerFactories.trustManagerFactory(trustManager);
		this.managers = new SslManagerBundle() {

			@Override
			public KeyManagerFactory getKeyManagerFactory() {
				return keyManagerFactory;
			}

			@Override
			public TrustManagerFactory getTrustManagerFactory() {
				return trustManagerFactory;
			}

			@Override
			public SSLContext createSslContext(String protocol) {
				return sslContext;
			}

		};
	}

	@Override
	public SslStoreBundle getStores() {
		return this.current.get().source().getStores();
	}

	@Override
	public SslBundleKey getKey() {
		return this.current.get().source().getKey();
	}

	@Override
	public SslOptions getOptions() {
		return this.options;
	}

	@Override
	public String getProtocol() {
		return this.current.get().source().getProtocol();
	}

	@Override
	public SslManagerBundle getManagers() {
		return this.managers;
	}

	@Override
	public SSLContext createSslContext() {
		return this.sslContext;
	}

	@Override
	public String toString() {
		return "MtlsSslBundle[" + this.current.get().material() + "]";
	}

}
