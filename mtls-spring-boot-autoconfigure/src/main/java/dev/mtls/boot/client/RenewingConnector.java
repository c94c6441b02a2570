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
package dev.mtls.boot.client;

import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;

/**
 * A connector that delegates to an underlying connector which it replaces on reload (a
 * new HTTP client, a new connection pool); the old one is retired after in-flight
 * exchanges had time to finish.
 *
 * @author mtls-spring-boot authors
 */
final class RenewingConnector implements ClientHttpConnector, ConnectionRenewal.Renewable {

	private final Supplier<ClientHttpConnector> connector;

	private final ConnectionRenewal renewal;

	private volatile ClientHttpConnector delegate;

	private RenewingConnector(Supplier<ClientHttpConnector> connector, ConnectionRenewal renewal) {
		this.connector = connector;
		this.renewal = renewal;
		this.delegate = connector.get();
	}

	static ClientHttpConnector of(Supplier<ClientHttpConnector> connector, ConnectionRenewal renewal) {
		if (!renewal.isEnabled()) {
			return connector.get();
		}
		RenewingConnector renewing = new RenewingConnector(connector, renewal);
		renewal.register(renewing);
		return renewing;
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		return this.delegate.connect(method, uri, requestCallback);
	}

	@Override
	public void renew() {
		ClientHttpConnector previous = this.delegate;
		this.delegate = this.connector.get();
		this.renewal.closeLater(previous);
	}

}
