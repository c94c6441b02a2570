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
package dev.mtls.boot.test.context;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilderFactory;

/**
 * Builds the reactive clients, kept apart so that {@link MtlsTestClient} loads without
 * {@code spring-webflux}.
 *
 * @author mtls-spring-boot authors
 */
final class ReactiveClients {

	private ReactiveClients() {
	}

	static WebTestClient webTestClient(HttpClient httpClient, UriBuilderFactory uris, Duration timeout) {
		return WebTestClient.bindToServer(new JdkClientHttpConnector(httpClient))
			.uriBuilderFactory(uris)
			.responseTimeout(timeout)
			.build();
	}

	static WebClient webClient(HttpClient httpClient, UriBuilderFactory uris) {
		return WebClient.builder()
			.clientConnector(new JdkClientHttpConnector(httpClient))
			.uriBuilderFactory(uris)
			.build();
	}

}
