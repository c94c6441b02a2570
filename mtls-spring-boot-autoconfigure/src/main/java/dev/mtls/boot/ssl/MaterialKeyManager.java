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

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

import org.jspecify.annotations.Nullable;

/**
 * A key manager over exactly one key and chain. Built once per snapshot, it answers every
 * handshake from fields, without key store lookups.
 *
 * @author mtls-spring-boot authors
 */
final class MaterialKeyManager extends X509ExtendedKeyManager {

	static final String ALIAS = "mtls";

	private static final String[] ALIASES = { ALIAS };

	private final PrivateKey privateKey;

	private final X509Certificate[] chain;

	private final String keyAlgorithm;

	MaterialKeyManager(CertificateMaterial material) {
		this.privateKey = material.privateKey();
		this.chain = material.chain().toArray(new X509Certificate[0]);
		this.keyAlgorithm = material.leaf().getPublicKey().getAlgorithm();
	}

	@Override
	public String @Nullable [] getClientAliases(String keyType, Principal @Nullable [] issuers) {
		return supports(keyType) ? ALIASES : null;
	}

	@Override
	public @Nullable String chooseClientAlias(String[] keyTypes, Principal @Nullable [] issuers,
			@Nullable Socket socket) {
		return chooseClientAlias(keyTypes);
	}

	@Override
	public @Nullable String chooseEngineClientAlias(String[] keyTypes, Principal @Nullable [] issuers,
			@Nullable SSLEngine engine) {
		return chooseClientAlias(keyTypes);
	}

	@Override
	public String @Nullable [] getServerAliases(String keyType, Principal @Nullable [] issuers) {
		return supports(keyType) ? ALIASES : null;
	}

	@Override
	public @Nullable String chooseServerAlias(String keyType, Principal @Nullable [] issuers, @Nullable Socket socket) {
		return supports(keyType) ? ALIAS : null;
	}

	@Override
	public @Nullable String chooseEngineServerAlias(String keyType, Principal @Nullable [] issuers,
			@Nullable SSLEngine engine) {
		return supports(keyType) ? ALIAS : null;
	}

	@Override
	public X509Certificate @Nullable [] getCertificateChain(String alias) {
		return ALIAS.equals(alias) ? this.chain.clone() : null;
	}

	@Override
	public @Nullable PrivateKey getPrivateKey(String alias) {
		return ALIAS.equals(alias) ? this.privateKey : null;
	}

	private @Nullable String chooseClientAlias(String[] keyTypes) {
		for (String keyType : keyTypes) {
			if (supports(keyType)) {
				return ALIAS;
			}
		}
		return null;
	}

	private boolean supports(@Nullable String keyType) {
		if (keyType == null) {
			return false;
		}
		// TLS 1.2 may ask for "EC_EC" or "EC_RSA": the key type before the underscore
		int separator = keyType.indexOf('_');
		String type = (separator > 0) ? keyType.substring(0, separator) : keyType;
		return type.equals(this.keyAlgorithm);
	}

}
