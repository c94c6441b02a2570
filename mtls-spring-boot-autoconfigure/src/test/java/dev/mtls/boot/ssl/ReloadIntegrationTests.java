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
package dev.mtls.boot.ssl;

import java.nio.file.Path;
import java.time.Duration;

import dev.mtls.boot.test.client.TlsTestClient;
import dev.mtls.boot.test.files.MaterialFiles;
import dev.mtls.boot.test.files.Replacement;
import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.testapp.RecordedEvents;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for reloading key material that is replaced in each of the ways files
 * get replaced in practice, over real TLS.
 *
 * @author mtls-spring-boot authors
 */
class ReloadIntegrationTests {

	private static final CertificateAuthority CA = Rotations.CA;

	@TempDir
	Path directory;

	@ParameterizedTest
	@EnumSource(Replacement.class)
	void whenFilesAreReplacedThenNewHandshakesUseTheNewMaterialOnServerAndClient(Replacement replacement)
			throws Exception {
		Credential first = server();
		Credential second = server();
		MaterialFiles files = MaterialFiles.create(this.directory, replacement, first, CA.certificateOfAuthority());
		TlsTestClient observer = TlsTestClient.presenting(
				CA.certificate().uri("spiffe://example.org/observer").clientAuth().issue(),
				CA.certificateOfAuthority());
		try (ConfigurableApplicationContext context = Rotations.start(files.bundleProperties("service"))) {
			assertThat(Rotations.serverSerial(context, fresh(observer))).isEqualTo(first.serial());
			assertThat(Rotations.clientSerialSeenByServer(context)).isEqualTo(Rotations.hex(first));

			files.replace(second, CA.certificateOfAuthority());
			if (replacement == Replacement.DELETE_AND_RECREATE) {
				await().during(Duration.ofMillis(300))
					.atMost(Duration.ofSeconds(5))
					.until(() -> Rotations.serverSerial(context, fresh(observer)).equals(first.serial()));
				files.replace(second, CA.certificateOfAuthority());
			}

			await().atMost(Duration.ofSeconds(10))
				.until(() -> Rotations.serverSerial(context, fresh(observer)).equals(second.serial()));
			assertThat(Rotations.clientSerialSeenByServer(context)).isEqualTo(Rotations.hex(second));
			assertThat(context.getBean(RecordedEvents.class).of(MaterialReloadedEvent.class)).last()
				.satisfies((event) -> {
					assertThat(event.getPrevious().leaf().getSerialNumber()).isEqualTo(first.serial());
					assertThat(event.getCurrent().leaf().getSerialNumber()).isEqualTo(second.serial());
					assertThat(event.isTrustChanged()).isFalse();
				});
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdk", "http-components", "reactor" })
	void whenMaterialIsReloadedWithConnectionRenewalThenEveryClientConnectorPresentsTheNewCertificate(String connector)
			throws Exception {
		Credential first = server();
		Credential second = server();
		MaterialFiles files = MaterialFiles.create(this.directory, Replacement.RENAME, first,
				CA.certificateOfAuthority());
		try (ConfigurableApplicationContext context = Rotations.start(files.bundleProperties("service"),
				"spring.http.clients.imperative.factory=" + connector,
				"spring.http.clients.reactive.connector=" + connector,
				"mtls.client.renew-connections-on-reload=true")) {
			assertThat(Rotations.clientSerialSeenByServer(context)).isEqualTo(Rotations.hex(first));
			assertThat(Rotations.webClientSerialSeenByServer(context)).isEqualTo(Rotations.hex(first));

			files.replace(second, CA.certificateOfAuthority());

			// The swap happens before the reload event whose listener renews the clients:
			// wait for what a caller sees. Without renewal the pooled connections would
			// keep presenting the first certificate far longer than this bound.
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				assertThat(Rotations.clientSerialSeenByServer(context)).isEqualTo(Rotations.hex(second));
				assertThat(Rotations.webClientSerialSeenByServer(context)).isEqualTo(Rotations.hex(second));
			});
		}
	}

	static Credential server() {
		return CA.certificate().localhostService().issue();
	}

	static TlsTestClient fresh(TlsTestClient template) {
		return template.withNewSessions();
	}

}
