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

import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import dev.mtls.boot.ssl.MaterialSource;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.resolver.AddressResolverGroup;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.TransportConfig;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.util.ClassUtils;

/**
 * Makes Reactor Netty clients use the bundle's long-lived
 * {@link javax.net.ssl.SSLContext} (wrapped as a Netty {@link JdkSslContext}) instead of
 * a Netty context built from key and trust manager factories, so that a reload also
 * renews Netty's client sessions; with connection renewal on, gives them a connection
 * pool that is replaced on reload. Reactor Netty's default host name verification stays
 * on. Only loaded when Reactor Netty is on the classpath.
 *
 * @author mtls-spring-boot authors
 */
final class ReactorNettySsl {

	private static final boolean PRESENT = ClassUtils.isPresent("reactor.netty.http.client.HttpClient",
			ReactorNettySsl.class.getClassLoader());

	private ReactorNettySsl() {
	}

	static ClientHttpRequestFactoryBuilder<?> apply(ClientHttpRequestFactoryBuilder<?> builder, MaterialSource source,
			ConnectionRenewal renewal) {
		if (PRESENT && builder instanceof ReactorClientHttpRequestFactoryBuilder reactor) {
			ReactorClientHttpRequestFactoryBuilder secured = reactor.withHttpClientCustomizer(Reactor.secure(source));
			return renewal.isEnabled() ? secured.withHttpClientFactory(Reactor.renewingPool(renewal)) : secured;
		}
		return builder;
	}

	static ClientHttpConnectorBuilder<?> apply(ClientHttpConnectorBuilder<?> builder, MaterialSource source,
			ConnectionRenewal renewal) {
		if (PRESENT && builder instanceof ReactorClientHttpConnectorBuilder reactor) {
			ReactorClientHttpConnectorBuilder secured = reactor.withHttpClientCustomizer(Reactor.secure(source));
			return renewal.isEnabled() ? secured.withHttpClientFactory(Reactor.renewingPool(renewal)) : secured;
		}
		return builder;
	}

	private static final class Reactor {

		static UnaryOperator<HttpClient> secure(MaterialSource source) {
			JdkSslContext context = new JdkSslContext(source.sslContext(), true, source.ciphers(),
					IdentityCipherSuiteFilter.INSTANCE, null, ClientAuth.NONE,
					source.protocols().toArray(new String[0]), false);
			return (client) -> client.secure((spec) -> spec.sslContext(context));
		}

		static Supplier<HttpClient> renewingPool(ConnectionRenewal renewal) {
			RenewingConnectionProvider pool = new RenewingConnectionProvider();
			renewal.register(pool);
			return () -> HttpClient.create(pool);
		}

	}

	/**
	 * A connection provider that delegates to a pool which it replaces on reload; the old
	 * pool closes its idle connections at once and the others when they are released.
	 */
	private static final class RenewingConnectionProvider implements ConnectionProvider, ConnectionRenewal.Renewable {

		private final AtomicInteger generation = new AtomicInteger();

		private volatile ConnectionProvider pool;

		RenewingConnectionProvider() {
			this.pool = newPool();
		}

		private ConnectionProvider newPool() {
			return ConnectionProvider.create("mtls-" + this.generation.incrementAndGet());
		}

		@Override
		public Mono<? extends Connection> acquire(TransportConfig config, ConnectionObserver observer,
				@Nullable Supplier<? extends SocketAddress> remoteAddress,
				@Nullable AddressResolverGroup<?> resolverGroup) {
			return this.pool.acquire(config, observer, remoteAddress, resolverGroup);
		}

		@Override
		public void renew() {
			ConnectionProvider previous = this.pool;
			this.pool = newPool();
			previous.disposeLater().subscribe();
		}

		@Override
		public Mono<Void> disposeLater() {
			return this.pool.disposeLater();
		}

		@Override
		public int maxConnections() {
			return this.pool.maxConnections();
		}

	}

}
