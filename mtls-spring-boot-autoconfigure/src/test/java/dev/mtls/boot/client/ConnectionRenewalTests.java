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

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConnectionRenewal}.
 *
 * @author mtls-spring-boot authors
 */
class ConnectionRenewalTests {

	@Test
	void whenGarbageIsCollectedThenALiveClientIsStillRenewed() {
		ConnectionRenewal renewal = new ConnectionRenewal(true);
		AtomicInteger created = new AtomicInteger();
		ClientHttpRequestFactory factory = RenewingRequestFactory.of(() -> {
			created.incrementAndGet();
			return new SimpleClientHttpRequestFactory();
		}, renewal);
		for (int i = 0; i < 3; i++) {
			System.gc();
		}

		renewal.renewAll("service");

		assertThat(created).hasValue(2);
		assertThat(factory).isInstanceOf(RenewingRequestFactory.class);
		renewal.destroy();
	}

	@Test
	void whenRenewalIsOffThenTheFactoryIsUsedAsIs() {
		ConnectionRenewal renewal = new ConnectionRenewal(false);
		SimpleClientHttpRequestFactory plain = new SimpleClientHttpRequestFactory();
		assertThat(RenewingRequestFactory.of(() -> plain, renewal)).isSameAs(plain);
		renewal.destroy();
	}

}
