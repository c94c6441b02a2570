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

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

import org.jspecify.annotations.Nullable;

/**
 * A key manager that answers every call from the material that is current at that moment,
 * so that a swapped snapshot takes effect at the next handshake without rebuilding any
 * {@link javax.net.ssl.SSLContext}.
 *
 * @author mtls-spring-boot authors
 */
final class SwappableKeyManager extends X509ExtendedKeyManager {

	private final Supplier<ActiveMaterial> current;

	SwappableKeyManager(Supplier<ActiveMaterial> current) {
		this.current = current;
	}

	private X509ExtendedKeyManager delegate() {
		return this.current.get().keyManager();
	}

	@Override
	public String @Nullable [] getClientAliases(String keyType, Principal @Nullable [] issuers) {
		return delegate().getClientAliases(keyType, issuers);
	}

	@Override
	public @Nullable String chooseClientAlias(String[] keyType, Principal @Nullable [] issuers,
			@Nullable Socket socket) {
		return delegate().chooseClientAlias(keyType, issuers, socket);
	}

	@Override
	public @Nullable String chooseEngineClientAlias(String[] keyType, Principal @Nullable [] issuers,
			@Nullable SSLEngine engine) {
		return delegate().chooseEngineClientAlias(keyType, issuers, engine);
	}

	@Override
	public String @Nullable [] getServerAliases(String keyType, Principal @Nullable [] issuers) {
		return delegate().getServerAliases(keyType, issuers);
	}

	@Override
	public @Nullable String chooseServerAlias(String keyType, Principal @Nullable [] issuers, @Nullable Socket socket) {
		return delegate().chooseServerAlias(keyType, issuers, socket);
	}

	@Override
	public @Nullable String chooseEngineServerAlias(String keyType, Principal @Nullable [] issuers,
			@Nullable SSLEngine engine) {
		return delegate().chooseEngineServerAlias(keyType, issuers, engine);
	}

	@Override
	public X509Certificate @Nullable [] getCertificateChain(String alias) {
		return delegate().getCertificateChain(alias);
	}

	@Override
	public @Nullable PrivateKey getPrivateKey(String alias) {
		return delegate().getPrivateKey(alias);
	}

}
