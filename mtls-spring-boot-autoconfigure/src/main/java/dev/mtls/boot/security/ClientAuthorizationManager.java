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
package dev.mtls.boot.security;

import java.util.function.Supplier;

import dev.mtls.boot.security.AuthorizationRules.Rule;
import dev.mtls.boot.security.MtlsAuthorizationProperties.DefaultPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;

/**
 * Decides whether the authenticated client may call a handler: by the handler's
 * {@code @AllowClients} rule, or by the default policy when it has none. Returns
 * {@code null} (no opinion) for a handler without a rule under the {@code authenticated}
 * policy, leaving that to the security filter chain.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class ClientAuthorizationManager implements AuthorizationManager<Object> {

	private final AuthorizationRules rules;

	private final DefaultPolicy defaultPolicy;

	ClientAuthorizationManager(AuthorizationRules rules, DefaultPolicy defaultPolicy) {
		this.rules = rules;
		this.defaultPolicy = defaultPolicy;
	}

	@Override
	public @Nullable Decision authorize(Supplier<? extends @Nullable Authentication> authentication, Object handler) {
		Rule rule = this.rules.ruleFor(handler);
		if (rule == null && this.defaultPolicy == DefaultPolicy.AUTHENTICATED) {
			return null;
		}
		Authentication current = authentication.get();
		String client = (current != null && current.isAuthenticated()
				&& !(current instanceof AnonymousAuthenticationToken)) ? current.getName() : null;
		if (rule == null) {
			return new Decision(false, client, "default policy 'deny'");
		}
		return new Decision(client != null && rule.allows(client), client, rule.toString());
	}

	/**
	 * The decision on one call, with the client and the rule that decided.
	 */
	public static final class Decision extends AuthorizationDecision {

		private final @Nullable String client;

		private final String rule;

		Decision(boolean granted, @Nullable String client, String rule) {
			super(granted);
			this.client = client;
			this.rule = rule;
		}

		/**
		 * Return the client, or {@code null} if the caller was not authenticated.
		 * @return the client identity
		 */
		public @Nullable String getClient() {
			return this.client;
		}

		/**
		 * Return a description of the rule that decided.
		 * @return the rule
		 */
		public String getRule() {
			return this.rule;
		}

		@Override
		public String toString() {
			return "Decision[granted=" + isGranted() + ", client=" + this.client + ", rule=" + this.rule + "]";
		}

	}

}
