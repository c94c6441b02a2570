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
package dev.mtls.boot.event;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * Published for every authorization decision on a client call: allowed, denied, or denied
 * only in audit mode.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public class ClientAuthorizationEvent extends ApplicationEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	private final @Nullable String client;

	private final Outcome outcome;

	private final String endpoint;

	/**
	 * Create an event.
	 * @param source the component that decided
	 * @param client the client identity, or {@code null} if unauthenticated
	 * @param outcome the outcome
	 * @param endpoint the endpoint, for example {@code GET /orders}
	 */
	public ClientAuthorizationEvent(Object source, @Nullable String client, Outcome outcome, String endpoint) {
		super(source);
		this.client = client;
		this.outcome = outcome;
		this.endpoint = endpoint;
	}

	/**
	 * Return the client identity, or {@code null} if the caller was not authenticated.
	 * @return the client identity
	 */
	public @Nullable String getClient() {
		return this.client;
	}

	/**
	 * Return the outcome.
	 * @return the outcome
	 */
	public Outcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Return the endpoint that was called.
	 * @return the endpoint
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	/**
	 * The outcome of an authorization decision.
	 */
	public enum Outcome {

		/**
		 * The call was allowed.
		 */
		ALLOWED,

		/**
		 * The call was denied.
		 */
		DENIED,

		/**
		 * The call would have been denied, but audit mode let it through.
		 */
		AUDIT_DENIED

	}

}
