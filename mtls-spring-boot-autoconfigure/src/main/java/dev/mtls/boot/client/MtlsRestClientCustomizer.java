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

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.web.client.RestClient;

/**
 * Makes every auto-configured {@link RestClient.Builder} present the mTLS bundle's
 * certificate and trust its authorities, on whichever HTTP client Spring Boot detected
 * (JDK {@code HttpClient}, Apache HttpClient 5, Reactor Netty). Host name verification
 * stays on. A builder can opt out with {@link #optOut()}.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class MtlsRestClientCustomizer implements RestClientCustomizer {

	private final ClientHttpRequestFactoryBuilder<?> plainBuilder;

	private final ClientHttpRequestFactoryBuilder<?> mtlsBuilder;

	private final ClientSettings settings;

	private final ConnectionRenewal renewal;

	MtlsRestClientCustomizer(ClientHttpRequestFactoryBuilder<?> plainBuilder,
			ClientHttpRequestFactoryBuilder<?> mtlsBuilder, ClientSettings settings, ConnectionRenewal renewal) {
		this.plainBuilder = plainBuilder;
		this.mtlsBuilder = mtlsBuilder;
		this.settings = settings;
		this.renewal = renewal;
	}

	@Override
	public void customize(RestClient.Builder builder) {
		@Nullable HttpClientSettings mtls = this.settings.mtls();
		if (mtls != null) {
			builder.requestFactory(RenewingRequestFactory.of(() -> this.mtlsBuilder.build(mtls), this.renewal));
		}
	}

	/**
	 * Return a customizer that takes mTLS off a builder again, restoring Spring Boot's
	 * request factory without any SSL bundle: {@code builder.apply(customizer.optOut())}.
	 * @return the opt-out customizer
	 */
	public Consumer<RestClient.Builder> optOut() {
		return (builder) -> builder.requestFactory(this.plainBuilder.build(this.settings.plain()));
	}

}
