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

import java.util.List;
import java.util.function.Supplier;

import dev.mtls.boot.event.ClientAuthorizationEvent;
import dev.mtls.boot.event.ClientAuthorizationEvent.Outcome;
import dev.mtls.boot.security.MtlsAuthorizationProperties.Mode;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Lets only the clients listed in {@code mtls.authorization.management-clients} call the
 * Actuator endpoints (probe paths excepted), with the same events, counters and audit
 * mode as {@link AllowClients @AllowClients} rules.
 *
 * @author mtls-spring-boot authors
 */
final class ManagementClientsAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

	private final List<ClientPattern> clients;

	private final String rule;

	private final Mode mode;

	private final ApplicationEventPublisher events;

	private final AuditLog audit = new AuditLog();

	ManagementClientsAuthorizationManager(List<String> clients, Mode mode, ApplicationEventPublisher events) {
		this.clients = clients.stream().map(ClientPattern::compile).toList();
		this.rule = "mtls.authorization.management-clients " + clients;
		this.mode = mode;
		this.events = events;
	}

	@Override
	public AuthorizationDecision authorize(Supplier<? extends @Nullable Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication current = authentication.get();
		String client = (current != null && current.isAuthenticated()
				&& !(current instanceof AnonymousAuthenticationToken)) ? current.getName() : null;
		if (client == null) {
			return new AuthorizationDecision(false);
		}
		HttpServletRequest request = context.getRequest();
		String endpoint = request.getMethod() + " " + request.getRequestURI();
		if (this.clients.stream().anyMatch((pattern) -> pattern.matches(client))) {
			publish(client, Outcome.ALLOWED, endpoint);
			return new AuthorizationDecision(true);
		}
		if (this.mode == Mode.AUDIT) {
			publish(client, Outcome.AUDIT_DENIED, endpoint);
			this.audit.wouldDeny(client, endpoint, this.rule);
			return new AuthorizationDecision(true);
		}
		publish(client, Outcome.DENIED, endpoint);
		return new AuthorizationDecision(false);
	}

	private void publish(String client, Outcome outcome, String endpoint) {
		this.events.publishEvent(new ClientAuthorizationEvent(this, client, outcome, endpoint));
	}

}
