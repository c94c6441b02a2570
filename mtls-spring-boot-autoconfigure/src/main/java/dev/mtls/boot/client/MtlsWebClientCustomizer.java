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

import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Makes every auto-configured {@link WebClient.Builder} present the mTLS bundle's
 * certificate and trust its authorities, on whichever HTTP client Spring Boot detected
 * (Reactor Netty, JDK {@code HttpClient}, Apache HttpClient 5). Host name verification
 * stays on. A builder can opt out with {@link #optOut()}.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class MtlsWebClientCustomizer implements WebClientCustomizer {

	private final ClientHttpConnectorBuilder<?> plainBuilder;

	private final ClientHttpConnectorBuilder<?> mtlsBuilder;

	private final ClientSettings settings;

	private final ConnectionRenewal renewal;

	MtlsWebClientCustomizer(ClientHttpConnectorBuilder<?> plainBuilder, ClientHttpConnectorBuilder<?> mtlsBuilder,
			ClientSettings settings, ConnectionRenewal renewal) {
		this.plainBuilder = plainBuilder;
		this.mtlsBuilder = mtlsBuilder;
		this.settings = settings;
		this.renewal = renewal;
	}

	@Override
	public void customize(WebClient.Builder builder) {
		@Nullable HttpClientSettings mtls = this.settings.mtls();
		if (mtls != null) {
			builder.clientConnector(RenewingConnector.of(() -> this.mtlsBuilder.build(mtls), this.renewal));
		}
	}

	/**
	 * Return a customizer that takes mTLS off a builder again, restoring Spring Boot's
	 * connector without any SSL bundle: {@code builder.apply(customizer.optOut())}.
	 * @return the opt-out customizer
	 */
	public Consumer<WebClient.Builder> optOut() {
		return (builder) -> builder.clientConnector(this.plainBuilder.build(this.settings.plain()));
	}

}
