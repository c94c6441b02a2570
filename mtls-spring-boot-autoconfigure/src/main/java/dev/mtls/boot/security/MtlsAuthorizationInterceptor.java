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

import dev.mtls.boot.event.ClientAuthorizationEvent;
import dev.mtls.boot.event.ClientAuthorizationEvent.Outcome;
import dev.mtls.boot.security.MtlsAuthorizationProperties.Mode;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.log.LogMessage;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces {@code @AllowClients} rules and the default policy after Spring MVC has chosen
 * the handler and before any argument is resolved or body read. In audit mode a denial is
 * logged and counted, and the call goes through. Every decision is published as a
 * {@link ClientAuthorizationEvent}.
 *
 * @author mtls-spring-boot authors
 */
final class MtlsAuthorizationInterceptor implements HandlerInterceptor {

	private static final Log logger = LogFactory.getLog(MtlsAuthorizationInterceptor.class);

	private final ClientAuthorizationManager manager;

	private final Mode mode;

	private final ProblemResponses problems;

	private final ApplicationEventPublisher events;

	private final SecurityContextHolderStrategy contextHolder;

	private final AuditLog audit = new AuditLog();

	MtlsAuthorizationInterceptor(ClientAuthorizationManager manager, Mode mode, ProblemResponses problems,
			ApplicationEventPublisher events, SecurityContextHolderStrategy contextHolder) {
		this.manager = manager;
		this.mode = mode;
		this.problems = problems;
		this.events = events;
		this.contextHolder = contextHolder;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (request.getDispatcherType() != DispatcherType.REQUEST) {
			return true;
		}
		Authentication authentication = this.contextHolder.getContext().getAuthentication();
		ClientAuthorizationManager.Decision decision = this.manager.authorize(() -> authentication, handler);
		if (decision == null) {
			return true;
		}
		String endpoint = request.getMethod() + " " + request.getRequestURI();
		if (decision.isGranted()) {
			publish(decision, Outcome.ALLOWED, endpoint);
			return true;
		}
		if (this.mode == Mode.AUDIT) {
			publish(decision, Outcome.AUDIT_DENIED, endpoint);
			this.audit.wouldDeny(decision.getClient(), endpoint, decision.getRule());
			return true;
		}
		publish(decision, Outcome.DENIED, endpoint);
		if (logger.isDebugEnabled()) {
			logger.debug(
					LogMessage.format("Denied %s calling %s (%s)", decision.getClient(), endpoint, decision.getRule()));
		}
		if (decision.getClient() == null) {
			this.problems.commence(request, response,
					new InsufficientAuthenticationException("A verified client certificate is required"));
		}
		else {
			this.problems.denied(request, response, decision.getClient());
		}
		return false;
	}

	private void publish(ClientAuthorizationManager.Decision decision, Outcome outcome, String endpoint) {
		this.events.publishEvent(new ClientAuthorizationEvent(this, decision.getClient(), outcome, endpoint));
	}

}
