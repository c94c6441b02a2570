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
package dev.mtls.boot.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.mtls.boot.ssl.PemFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DevelopmentPki}.
 *
 * @author mtls-spring-boot authors
 */
class DevelopmentPkiTests {

	@TempDir
	Path directory;

	@Test
	void ensureWhenNothingExistsThenCreatesAuthorityAndServiceCertificate() throws Exception {
		DevelopmentPki pki = pki(Clock.systemUTC());

		DevelopmentPki.ServiceFiles files = pki.ensure("orders");

		X509Certificate certificate = PemFiles.readCertificates(files.certificate()).get(0);
		X509Certificate authority = PemFiles.readCertificates(files.trust()).get(0);
		certificate.verify(authority.getPublicKey());
		assertThat(files.created()).isTrue();
		assertThat(files.spiffeId()).isEqualTo("spiffe://example.org/orders");
		assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=orders");
		assertThat(certificate.getSubjectAlternativeNames()).extracting((name) -> (Object) name.get(1))
			.containsExactlyInAnyOrder("spiffe://example.org/orders", "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(certificate.getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1",
				"1.3.6.1.5.5.7.3.2");
		assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
		assertThat(certificate.getPublicKey()).isInstanceOf(ECPublicKey.class);
		assertThat(((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize())
			.isEqualTo(256);
		assertThat(PemFiles.matches(PemFiles.readPrivateKey(files.privateKey()), certificate)).isTrue();
		assertThat(Files.getPosixFilePermissions(files.privateKey()))
			.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
	}

	@Test
	void ensureWhenTwoServicesShareDirectoryThenOneAuthorityIssuesBoth() throws Exception {
		DevelopmentPki pki = pki(Clock.systemUTC());

		DevelopmentPki.ServiceFiles a = pki.ensure("service-a");
		DevelopmentPki.ServiceFiles b = pki.ensure("service-b");

		X509Certificate authority = PemFiles.readCertificates(a.trust()).get(0);
		assertThat(a.trust()).isEqualTo(b.trust());
		PemFiles.readCertificates(a.certificate()).get(0).verify(authority.getPublicKey());
		PemFiles.readCertificates(b.certificate()).get(0).verify(authority.getPublicKey());
	}

	@Test
	void ensureWhenCertificateIsStillFreshThenReusesIt() throws Exception {
		DevelopmentPki pki = pki(Clock.systemUTC());
		X509Certificate first = PemFiles.readCertificates(pki.ensure("orders").certificate()).get(0);

		DevelopmentPki.ServiceFiles again = pki.ensure("orders");

		assertThat(again.created()).isFalse();
		assertThat(PemFiles.readCertificates(again.certificate()).get(0)).isEqualTo(first);
	}

	@Test
	void ensureWhenCertificateNearsExpiryThenReissuesIt() throws Exception {
		X509Certificate first = PemFiles.readCertificates(pki(Clock.systemUTC()).ensure("orders").certificate()).get(0);
		Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(25)), ZoneOffset.UTC);

		DevelopmentPki.ServiceFiles again = pki(later).ensure("orders");

		assertThat(again.created()).isTrue();
		assertThat(PemFiles.readCertificates(again.certificate()).get(0).getSerialNumber())
			.isNotEqualTo(first.getSerialNumber());
	}

	@Test
	void ensureWhenFilesAreCorruptThenIssuesNewOnes() throws Exception {
		DevelopmentPki pki = pki(Clock.systemUTC());
		DevelopmentPki.ServiceFiles files = pki.ensure("orders");
		Files.writeString(files.certificate(), "garbage");

		assertThat(pki.ensure("orders").created()).isTrue();
	}

	@Test
	void ensureWhenServiceNameIsInvalidThenFailsWithAction() {
		assertThatExceptionOfType(DevelopmentPkiException.class)
			.isThrownBy(() -> pki(Clock.systemUTC()).ensure("../escape"))
			.withMessageContaining("'../escape'")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("spring.application.name"));
	}

	@Test
	void ensureWhenTrustDomainIsInvalidThenFailsWithAction() {
		DevelopmentPki pki = new DevelopmentPki(this.directory, "Example.ORG", Duration.ofDays(30), Clock.systemUTC());

		assertThatExceptionOfType(DevelopmentPkiException.class).isThrownBy(() -> pki.ensure("orders"))
			.withMessageContaining("mtls.dev.trust-domain");
	}

	@Test
	void ensureWhenCalledConcurrentlyThenOneAuthorityIssuesEveryService() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<DevelopmentPki.ServiceFiles>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				String name = "service-" + i;
				Callable<DevelopmentPki.ServiceFiles> task = () -> pki(Clock.systemUTC()).ensure(name);
				results.add(executor.submit(task));
			}
			List<Path> certificates = new ArrayList<>();
			for (Future<DevelopmentPki.ServiceFiles> result : results) {
				certificates.add(result.get(30, TimeUnit.SECONDS).certificate());
			}
			X509Certificate authority = PemFiles.readCertificates(this.directory.resolve("ca.crt")).get(0);
			for (Path certificate : certificates) {
				PemFiles.readCertificates(certificate).get(0).verify(authority.getPublicKey());
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private DevelopmentPki pki(Clock clock) {
		return new DevelopmentPki(this.directory, "example.org", Duration.ofDays(30), clock);
	}

}
