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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import dev.mtls.boot.test.client.TlsTestClient;
import dev.mtls.boot.test.files.MaterialFiles;
import dev.mtls.boot.test.files.Replacement;
import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.pki.Pem;
import dev.mtls.boot.testapp.RecordedEvents;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that broken new material never replaces good material: the old material keeps
 * serving, one failure event is published, and a later good write is picked up.
 *
 * @author mtls-spring-boot authors
 */
class ReloadFaultTests {

	private static final CertificateAuthority CA = Rotations.CA;

	private static final String ROOT = Pem.certificates(List.of(CA.certificateOfAuthority()));

	@TempDir
	Path directory;

	static Stream<Arguments> faults() {
		return Stream.of(
				fault("truncated PEM", MtlsBundleException.Reason.UNREADABLE,
						(files, next) -> files.replace(half(next.certificatePem()), next.privateKeyPem(), ROOT)),
				fault("garbage", MtlsBundleException.Reason.UNREADABLE,
						(files, next) -> files.replace("\u0000\u00ffnot a certificate at all", next.privateKeyPem(),
								ROOT)),
				fault("key not matching", MtlsBundleException.Reason.KEY_MISMATCH,
						(files, next) -> files.replace(next.certificatePem(),
								ReloadIntegrationTests.server().privateKeyPem(), ROOT)),
				fault("expired certificate", MtlsBundleException.Reason.EXPIRED,
						(files, next) -> files.replace(expired(), CA.certificateOfAuthority())),
				fault("certificate from another CA", MtlsBundleException.Reason.CHAIN_NOT_TRUSTED,
						(files, next) -> files.replace(CertificateAuthority.root("Other CA")
							.certificate()
							.commonName("localhost")
							.dns("localhost")
							.serverAuth()
							.clientAuth()
							.issue(), CA.certificateOfAuthority())),
				fault("deleted files", MtlsBundleException.Reason.UNREADABLE, (files, next) -> files.delete()),
				fault("unreadable file", MtlsBundleException.Reason.UNREADABLE, (files, next) -> unreadable(files)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("faults")
	void whenNewMaterialIsBrokenThenOldMaterialKeepsServing(BiConsumer<MaterialFiles, Credential> breakFiles,
			MtlsBundleException.Reason reason) throws Exception {
		Credential first = ReloadIntegrationTests.server();
		Credential later = ReloadIntegrationTests.server();
		MaterialFiles files = MaterialFiles.create(this.directory, Replacement.RENAME, first,
				CA.certificateOfAuthority());
		TlsTestClient observer = observer();
		try (ConfigurableApplicationContext context = Rotations.start(files.bundleProperties("service"),
				"mtls.reload.quiet-period=20ms", "mtls.reload.settle-time=200ms")) {
			RecordedEvents events = context.getBean(RecordedEvents.class);

			breakFiles.accept(files, ReloadIntegrationTests.server());

			await().atMost(Duration.ofSeconds(10))
				.until(() -> events.of(MaterialReloadFailedEvent.class), (failures) -> !failures.isEmpty());
			assertThat(events.of(MaterialReloadFailedEvent.class)).singleElement().satisfies((failure) -> {
				assertThat(failure.getReason()).isEqualTo(reason);
				assertThat(failure.getBundleName()).isEqualTo("service");
				assertThat(failure.getMessage()).contains("spring.ssl.bundle.pem.service.");
			});
			assertThat(Rotations.serverSerial(context, observer.withNewSessions())).isEqualTo(first.serial());
			assertThat(Rotations.clientSerialSeenByServer(context)).isEqualTo(Rotations.hex(first));
			assertThat(events.of(MaterialReloadedEvent.class)).isEmpty();

			repair(files);
			files.replace(later, CA.certificateOfAuthority());

			await().atMost(Duration.ofSeconds(10))
				.until(() -> Rotations.serverSerial(context, observer.withNewSessions()), later.serial()::equals);
			assertThat(events.of(MaterialReloadFailedEvent.class)).hasSize(1);
		}
	}

	@Test
	void whenFileIsNotReadableByItsOwnerThenOldMaterialKeepsServing() throws Exception {
		Credential first = ReloadIntegrationTests.server();
		MaterialFiles files = MaterialFiles.create(this.directory, Replacement.IN_PLACE, first,
				CA.certificateOfAuthority());
		try (ConfigurableApplicationContext context = Rotations.start(files.bundleProperties("service"),
				"mtls.reload.quiet-period=20ms", "mtls.reload.settle-time=200ms")) {
			files.replace(ReloadIntegrationTests.server(), CA.certificateOfAuthority());
			Files.setPosixFilePermissions(files.privateKey(), PosixFilePermissions.fromString("---------"));
			boolean enforced = !Files.isReadable(files.privateKey());
			RecordedEvents events = context.getBean(RecordedEvents.class);

			if (enforced) {
				await().atMost(Duration.ofSeconds(10))
					.until(() -> events.of(MaterialReloadFailedEvent.class), (failures) -> !failures.isEmpty());
				assertThat(Rotations.serverSerial(context, observer())).isEqualTo(first.serial());
			}
			else {
				// Running as root: permissions do not stop reading; the file is read and
				// the new material applies
				await().atMost(Duration.ofSeconds(10))
					.until(() -> events.of(MaterialReloadedEvent.class), (reloads) -> !reloads.isEmpty());
			}
		}
	}

	private static TlsTestClient observer() {
		return TlsTestClient.presenting(CA.certificate().uri("spiffe://example.org/observer").clientAuth().issue(),
				CA.certificateOfAuthority());
	}

	private static Arguments fault(String name, MtlsBundleException.Reason reason,
			BiConsumer<MaterialFiles, Credential> breakFiles) {
		return Arguments.of(Named.of(name, breakFiles), reason);
	}

	private static String half(String pem) {
		return pem.substring(0, pem.length() / 2);
	}

	private static Credential expired() {
		return CA.certificate().commonName("localhost").dns("localhost").serverAuth().clientAuth().expired().issue();
	}

	private static void unreadable(MaterialFiles files) {
		try {
			Files.delete(files.certificate());
			Files.createDirectory(files.certificate());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void repair(MaterialFiles files) throws java.io.IOException {
		if (Files.isDirectory(files.certificate())) {
			Files.delete(files.certificate());
		}
	}

}
