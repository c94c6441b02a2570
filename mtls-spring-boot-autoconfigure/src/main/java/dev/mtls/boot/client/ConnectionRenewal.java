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

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.mtls.boot.ssl.MaterialReloadedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationListener;
import org.springframework.core.log.LogMessage;

/**
 * Renews the HTTP clients behind mTLS {@code RestClient}s and {@code WebClient}s when
 * material is reloaded ({@code mtls.client.renew-connections-on-reload=true}): each gets
 * a new underlying client (and so a new connection pool), while the clients already built
 * keep working through a delegate. Requests in flight finish on the old client, which is
 * closed after a grace period.
 *
 * @author mtls-spring-boot authors
 */
final class ConnectionRenewal implements ApplicationListener<MaterialReloadedEvent>, DisposableBean {

	private static final Log logger = LogFactory.getLog(ConnectionRenewal.class);

	private static final long GRACE_SECONDS = 60;

	private final boolean enabled;

	/**
	 * Held weakly, so that registering does not keep a client alive: the renewables are
	 * the client's own parts (request factory, connector, pool), which the client holds.
	 */
	private final Set<Renewable> renewables = Collections
		.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	private final ScheduledExecutorService closer;

	ConnectionRenewal(boolean enabled) {
		this.enabled = enabled;
		this.closer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "mtls-client-renewal");
			thread.setDaemon(true);
			return thread;
		});
	}

	boolean isEnabled() {
		return this.enabled;
	}

	void register(Renewable renewable) {
		this.renewables.add(renewable);
	}

	@Override
	public void onApplicationEvent(MaterialReloadedEvent event) {
		renewAll(event.getBundleName());
	}

	void renewAll(String bundleName) {
		List<Renewable> renewables;
		synchronized (this.renewables) {
			renewables = List.copyOf(this.renewables);
		}
		if (logger.isDebugEnabled()) {
			logger.debug(LogMessage.format("Renewing %d mTLS client(s) after bundle '%s' was reloaded",
					renewables.size(), bundleName));
		}
		renewables.forEach(Renewable::renew);
	}

	void closeLater(Object client) {
		this.closer.schedule(() -> close(client), GRACE_SECONDS, TimeUnit.SECONDS);
	}

	private static void close(Object client) {
		try {
			if (client instanceof DisposableBean disposable) {
				disposable.destroy();
			}
			else if (client instanceof AutoCloseable closeable) {
				closeable.close();
			}
		}
		catch (Exception ex) {
			if (logger.isDebugEnabled()) {
				logger.debug(LogMessage.format("Unable to close a renewed client: %s", ex.getMessage()));
			}
		}
	}

	@Override
	public void destroy() {
		this.closer.shutdownNow();
	}

	/**
	 * A part of a client that can replace what it delegates to. Registered as itself, not
	 * as a method reference: a method reference would be a new object that only the weak
	 * set refers to, and would be collected with the next garbage collection.
	 */
	interface Renewable {

		void renew();

	}

}
