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
package dev.mtls.boot.metrics;

import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;

import dev.mtls.boot.ssl.MaterialSource;
import dev.mtls.boot.ssl.MtlsSslAutoConfiguration;
import dev.mtls.boot.test.files.MaterialFiles;
import dev.mtls.boot.test.files.Replacement;
import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.pki.KeyType;
import dev.mtls.boot.test.pki.Pem;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the transitions of {@link MtlsHealthIndicator} over real material as time passes:
 * valid, inside the warning threshold, expired, and a stale CRL.
 *
 * @author mtls-spring-boot authors
 */
class MtlsHealthIndicatorTests {

	private static final Duration WARNING = Duration.ofDays(14);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, MtlsSslAutoConfiguration.class))
		.withPropertyValues("mtls.reload.enabled=false");

	@TempDir
	Path directory;

	@Test
	void whenTimePassesTheIdentityCertificateGoesFromUpToExpiringToDown() {
		CertificateAuthority ca = CertificateAuthority.root("Test Root CA");
		Credential leaf = ca.certificate()
			.uri("spiffe://example.org/orders")
			.clientAuth()
			.serverAuth()
			.validFor(Duration.ofDays(30))
			.issue();
		Instant notAfter = leaf.certificate().getNotAfter().toInstant();
		withMaterial(leaf, ca, (source) -> {
			assertThat(health(source, notAfter.minus(Duration.ofDays(20))).getStatus()).isEqualTo(Status.UP);

			Health expiring = health(source, notAfter.minus(Duration.ofDays(10)));
			assertThat(expiring.getStatus()).isEqualTo(MtlsHealthIndicator.EXPIRING);
			assertThat(soonest(expiring)).containsEntry("role", "identity")
				.containsEntry("notAfter", notAfter.toString())
				.containsEntry("remaining", Duration.ofDays(10).toString());

			Health expired = health(source, notAfter.plusSeconds(1));
			assertThat(expired.getStatus()).isEqualTo(Status.DOWN);
			assertThat(expired.getDetails()).containsEntry("reason", "expired").containsEntry("bundle", "service");
		});
	}

	@Test
	void whenAnIntermediateOrTrustAnchorExpiresFirstItDecides() {
		Instant now = Instant.now();
		CertificateAuthority root = CertificateAuthority.root(CertificateAuthority.selfSigned()
			.commonName("Short Root CA")
			.validity(now.minusSeconds(60), now.plus(Duration.ofDays(100))), KeyType.EC_P256);
		CertificateAuthority intermediate = root.intermediate(root.certificate()
			.commonName("Short Intermediate CA")
			.validity(now.minusSeconds(60), now.plus(Duration.ofDays(60))), KeyType.EC_P256);
		Credential leaf = intermediate.certificate()
			.uri("spiffe://example.org/orders")
			.clientAuth()
			.serverAuth()
			.validity(now.minusSeconds(60), now.plus(Duration.ofDays(50)))
			.issue();
		withMaterial(leaf, root, (source) -> {
			assertThat(soonest(health(source, now))).containsEntry("role", "identity");
		});
		Credential longLeaf = intermediate.certificate()
			.uri("spiffe://example.org/orders")
			.clientAuth()
			.serverAuth()
			.validity(now.minusSeconds(60), now.plus(Duration.ofDays(80)))
			.issue();
		withMaterial(longLeaf, root, (source) -> {
			Health health = health(source, now.plus(Duration.ofDays(50)));
			assertThat(health.getStatus()).isEqualTo(MtlsHealthIndicator.EXPIRING);
			assertThat(soonest(health)).containsEntry("role", "intermediate")
				.containsEntry("subject", "CN=Short Intermediate CA");
		});
	}

	@Test
	void whenTheTrustAnchorExpiresFirstTheWarningNamesIt() {
		Instant now = Instant.now();
		CertificateAuthority root = CertificateAuthority.root(CertificateAuthority.selfSigned()
			.commonName("Short Root CA")
			.validity(now.minusSeconds(60), now.plus(Duration.ofDays(40))), KeyType.EC_P256);
		Credential leaf = root.certificate()
			.uri("spiffe://example.org/orders")
			.clientAuth()
			.serverAuth()
			.validity(now.minusSeconds(60), now.plus(Duration.ofDays(39)))
			.issue();
		CertificateAuthority otherRoot = CertificateAuthority.root(CertificateAuthority.selfSigned()
			.commonName("Other Root CA")
			.validity(now.minusSeconds(60), now.plus(Duration.ofDays(20))), KeyType.EC_P256);
		withMaterial(leaf, root, otherRoot, (source) -> {
			Health health = health(source, now.plus(Duration.ofDays(10)));
			assertThat(health.getStatus()).isEqualTo(MtlsHealthIndicator.EXPIRING);
			assertThat(soonest(health)).containsEntry("role", "trust").containsEntry("subject", "CN=Other Root CA");
			assertThat(health(source, now.plus(Duration.ofDays(21))).getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void whenTheCrlIsPastItsNextUpdateAndStaleCrlsFailThenDown() {
		CertificateAuthority ca = CertificateAuthority.root("Test Root CA");
		Credential leaf = ca.certificate().uri("spiffe://example.org/orders").clientAuth().serverAuth().issue();
		Instant now = Instant.now();
		X509CRL crl = ca.crl().updates(now.minusSeconds(60), now.plus(Duration.ofHours(1))).issue();
		Path crlFile = Pem.write(this.directory.resolve("ca.crl"), Pem.crl(crl));
		MaterialFiles files = MaterialFiles.create(this.directory.resolve("material"), Replacement.RENAME, leaf,
				ca.certificateOfAuthority());
		this.contextRunner.withPropertyValues(files.bundleProperties("service"))
			.withPropertyValues("mtls.revocation.crl=file:" + crlFile)
			.run((context) -> {
				MaterialSource source = context.getBean(MaterialSource.class);
				assertThat(health(source, now).getStatus()).isEqualTo(Status.UP);
				Health stale = health(source, now.plus(Duration.ofHours(2)));
				assertThat(stale.getStatus()).isEqualTo(Status.DOWN);
				assertThat(stale.getDetails()).containsEntry("reason", "stale crl");
				Health allowed = new MtlsHealthIndicator(source, null, WARNING, false,
						Clock.fixed(now.plus(Duration.ofHours(2)), ZoneOffset.UTC))
					.health(true);
				assertThat(allowed.getStatus()).isEqualTo(Status.UP);
			});
	}

	private void withMaterial(Credential leaf, CertificateAuthority ca, Consumer<MaterialSource> assertions) {
		withMaterial(leaf, ca, null, assertions);
	}

	private void withMaterial(Credential leaf, CertificateAuthority ca, @Nullable CertificateAuthority otherTrust,
			Consumer<MaterialSource> assertions) {
		Path material = this.directory.resolve("material-" + leaf.certificate().getSerialNumber());
		MaterialFiles files = (otherTrust != null)
				? MaterialFiles.create(material, Replacement.RENAME, leaf, ca.certificateOfAuthority(),
						otherTrust.certificateOfAuthority())
				: MaterialFiles.create(material, Replacement.RENAME, leaf, ca.certificateOfAuthority());
		this.contextRunner.withPropertyValues(files.bundleProperties("service")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertions.accept(context.getBean(MaterialSource.class));
		});
	}

	private static Health health(MaterialSource source, Instant at) {
		return new MtlsHealthIndicator(source, null, WARNING, true, Clock.fixed(at, ZoneOffset.UTC)).health(true);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> soonest(Health health) {
		return (Map<String, Object>) health.getDetails().get("soonestExpiry");
	}

}
