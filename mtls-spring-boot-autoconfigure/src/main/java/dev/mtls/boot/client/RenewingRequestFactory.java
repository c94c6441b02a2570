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

import java.io.IOException;
import java.net.URI;
import java.util.function.Supplier;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * A request factory that delegates to an underlying factory which it replaces on reload
 * (a new HTTP client, a new connection pool); the old one is retired after in-flight
 * requests had time to finish.
 *
 * @author mtls-spring-boot authors
 */
final class RenewingRequestFactory implements ClientHttpRequestFactory, ConnectionRenewal.Renewable {

	private final Supplier<ClientHttpRequestFactory> factory;

	private final ConnectionRenewal renewal;

	private volatile ClientHttpRequestFactory delegate;

	private RenewingRequestFactory(Supplier<ClientHttpRequestFactory> factory, ConnectionRenewal renewal) {
		this.factory = factory;
		this.renewal = renewal;
		this.delegate = factory.get();
	}

	static ClientHttpRequestFactory of(Supplier<ClientHttpRequestFactory> factory, ConnectionRenewal renewal) {
		if (!renewal.isEnabled()) {
			return factory.get();
		}
		RenewingRequestFactory renewing = new RenewingRequestFactory(factory, renewal);
		renewal.register(renewing);
		return renewing;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		return this.delegate.createRequest(uri, httpMethod);
	}

	@Override
	public void renew() {
		ClientHttpRequestFactory previous = this.delegate;
		this.delegate = this.factory.get();
		this.renewal.closeLater(previous);
	}

}
