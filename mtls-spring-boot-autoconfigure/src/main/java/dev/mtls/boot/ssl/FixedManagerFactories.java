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

import java.security.KeyStore;
import java.security.Provider;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.KeyManagerFactorySpi;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;

/**
 * Manager factories that always hand out the same managers, so that libraries which take
 * a factory (Netty, Spring Boot's {@code SslManagerBundle}) use the swappable managers.
 *
 * @author mtls-spring-boot authors
 */
final class FixedManagerFactories {

	private static final Provider PROVIDER = new Provider("mtls-fixed-managers", "1.0",
			"Fixed key and trust managers of mtls-spring-boot") {
	};

	private FixedManagerFactories() {
	}

	static KeyManagerFactory keyManagerFactory(KeyManager keyManager) {
		return new FixedKeyManagerFactory(keyManager);
	}

	static TrustManagerFactory trustManagerFactory(TrustManager trustManager) {
		return new FixedTrustManagerFactory(trustManager);
	}

	private static final class FixedKeyManagerFactory extends KeyManagerFactory {

		FixedKeyManagerFactory(KeyManager keyManager) {
			super(new KeyManagerFactorySpi() {

				@Override
				protected void engineInit(KeyStore keyStore, char[] password) {
				}

				@Override
				protected void engineInit(ManagerFactoryParameters parameters) {
				}

				@Override
				protected KeyManager[] engineGetKeyManagers() {
					return new KeyManager[] { keyManager };
				}

			}, PROVIDER, KeyManagerFactory.getDefaultAlgorithm());
		}

	}

	private static final class FixedTrustManagerFactory extends TrustManagerFactory {

		FixedTrustManagerFactory(TrustManager trustManager) {
			super(new TrustManagerFactorySpi() {

				@Override
				protected void engineInit(KeyStore keyStore) {
				}

				@Override
				protected void engineInit(ManagerFactoryParameters parameters) {
				}

				@Override
				protected TrustManager[] engineGetTrustManagers() {
					return new TrustManager[] { trustManager };
				}

			}, PROVIDER, TrustManagerFactory.getDefaultAlgorithm());
		}

	}

}
