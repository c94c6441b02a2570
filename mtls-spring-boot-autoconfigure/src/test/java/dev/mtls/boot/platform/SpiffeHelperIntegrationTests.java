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
package dev.mtls.boot.platform;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.mtls.boot.ssl.MaterialReloadFailedEvent;
import dev.mtls.boot.ssl.MaterialReloadedEvent;
import dev.mtls.boot.ssl.MaterialSource;
import dev.mtls.boot.test.client.TlsTestClient;
import dev.mtls.boot.test.files.FileWrites;
import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.pki.KeyType;
import dev.mtls.boot.test.pki.Pem;
import dev.mtls.boot.testapp.RecordedEvents;
import dev.mtls.boot.testapp.SecuredApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for the SPIFFE/SPIRE guide ({@code docs/platforms/spiffe-spire.md}):
 * X.509-SVID files written by spiffe-helper on every Workload API update (the SVID, then
 * the key, then the bundle, each truncated and rewritten in place), over real TLS.
 *
 * @author mtls-spring-boot authors
 */
class SpiffeHelperIntegrationTests {

	private static final String ORDERS = "spiffe://example.org/ns/shop/sa/orders";

	private static final String CHECKOUT = "spiffe://example.org/ns/shop/sa/checkout";

	private final CertificateAuthority spireCa = spireCa("example.org");

	private final CertificateAuthority nextSpireCa = spireCa("example.org");

	@TempDir
	Path directory;

	@Test
	void whenShortLivedSvidsAreRotatedRepeatedlyThenEveryRotationIsPickedUpAndTheSpiffeIdIsTheIdentity()
			throws Exception {
		Path certs = Files.createDirectories(this.directory.resolve("run/spiffe/certs"));
		Credential svid = svid(this.spireCa, ORDERS);
		writeX509Context(certs, svid, this.spireCa);
		TlsTestClient checkout = workload(this.spireCa, CHECKOUT);
		try (ConfigurableApplicationContext context = Applications.start(properties(certs), SecuredApplication.class)) {
			RecordedEvents events = context.getBean(RecordedEvents.class);
			assertThat(Applications.callItself(context, "/whoami")).containsEntry("name", ORDERS)
				.containsEntry("source", "SPIFFE")
				.containsEntry("trustDomain", "example.org");

			for (int rotation = 1; rotation <= 5; rotation++) {
				Credential rotated = svid(this.spireCa, ORDERS);

				writeX509Context(certs, rotated, this.spireCa);

				await().atMost(Duration.ofSeconds(10))
					.until(() -> Applications.serverSerial(context, checkout).equals(rotated.serial()));
				assertThat(Applications.callItself(context, "/whoami")).containsEntry("name", ORDERS)
					.containsEntry("serial", hex(rotated));
				assertThat(events.of(MaterialReloadedEvent.class)).hasSize(rotation);
			}
			HttpResponse<String> call = checkout.get(Applications.url(context, "/whoami"));
			assertThat(call.statusCode()).isEqualTo(200);
			assertThat(call.body()).contains("\"name\":\"" + CHECKOUT + "\"");
			assertThat(events.of(MaterialReloadFailedEvent.class)).isEmpty();
		}
	}

	@Test
	void whenTheTrustBundleIsRotatedThenWorkloadsOfBothAuthoritiesWorkUntilTheOldOneLeavesTheBundle() throws Exception {
		Path certs = Files.createDirectories(this.directory.resolve("run/spiffe/certs"));
		Credential underOldCa = svid(this.spireCa, ORDERS);
		Credential underNewCa = svid(this.nextSpireCa, ORDERS);
		writeX509Context(certs, underOldCa, this.spireCa);
		TlsTestClient oldCheckout = workload(this.spireCa, CHECKOUT);
		TlsTestClient newCheckout = workload(this.nextSpireCa, CHECKOUT);
		try (ConfigurableApplicationContext context = Applications.start(properties(certs), SecuredApplication.class)) {
			assertRefused(newCheckout, context);

			writeX509Context(certs, underOldCa, this.spireCa, this.nextSpireCa);
			awaitTrustAnchors(context, 2);

			assertThat(newCheckout.get(Applications.url(context, "/whoami")).statusCode()).isEqualTo(200);

			writeX509Context(certs, underNewCa, this.spireCa, this.nextSpireCa);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> Applications.serverSerial(context, newCheckout).equals(underNewCa.serial()));

			assertThat(oldCheckout.withNewSessions().get(Applications.url(context, "/whoami")).statusCode())
				.isEqualTo(200);

			writeX509Context(certs, underNewCa, this.nextSpireCa);
			awaitTrustAnchors(context, 1);

			assertRefused(oldCheckout, context);
			assertThat(newCheckout.withNewSessions().get(Applications.url(context, "/whoami")).statusCode())
				.isEqualTo(200);
		}
	}

	@Test
	void whenTheBundleHoldsAFederatedTrustDomainThenItsWorkloadsAreRefusedUnlessTheirTrustDomainIsAccepted()
			throws Exception {
		CertificateAuthority partnerCa = spireCa("partner.example");
		Path certs = Files.createDirectories(this.directory.resolve("run/spiffe/certs"));
		writeX509Context(certs, svid(this.spireCa, ORDERS), this.spireCa, partnerCa);
		TlsTestClient partner = workload(partnerCa, "spiffe://partner.example/payments");
		try (ConfigurableApplicationContext context = Applications.start(properties(certs), SecuredApplication.class)) {
			HttpResponse<String> refused = partner.get(Applications.url(context, "/whoami"));

			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(refused.body()).contains("The trust domain 'partner.example'");
		}
		Map<String, String> federated = properties(certs);
		federated.put("mtls.identity.trust-domains", "example.org, partner.example");
		try (ConfigurableApplicationContext context = Applications.start(federated, SecuredApplication.class)) {
			HttpResponse<String> accepted = partner.get(Applications.url(context, "/whoami"));

			assertThat(accepted.statusCode()).isEqualTo(200);
			assertThat(accepted.body()).contains("\"trustDomain\":\"partner.example\"");
		}
	}

	/**
	 * Write an X.509 context as spiffe-helper does on every Workload API update: the SVID
	 * (leaf and intermediates), then the PKCS#8 key, then the bundle (the authorities of
	 * the trust domain, and of federated trust domains with
	 * {@code include_federated_domains}), each with {@code os.WriteFile}, in place.
	 */
	private static void writeX509Context(Path certDir, Credential svid, CertificateAuthority... bundle) {
		FileWrites.overwrite(certDir.resolve("svid.pem"), svid.certificatePem(), "rw-r--r--");
		FileWrites.overwrite(certDir.resolve("svid_key.pem"), svid.privateKeyPem(), "rw-------");
		FileWrites.overwrite(certDir.resolve("svid_bundle.pem"),
				Pem.certificates(Arrays.stream(bundle).map(CertificateAuthority::certificateOfAuthority).toList()),
				"rw-r--r--");
	}

	/**
	 * The application properties of the guide.
	 */
	private static Map<String, String> properties(Path certDir) {
		String prefix = "spring.ssl.bundle.pem.service.";
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(prefix + "keystore.certificate", "file:" + certDir.resolve("svid.pem"));
		properties.put(prefix + "keystore.private-key", "file:" + certDir.resolve("svid_key.pem"));
		properties.put(prefix + "truststore.certificate", "file:" + certDir.resolve("svid_bundle.pem"));
		properties.put("mtls.bundle", "service");
		properties.put("mtls.identity.trust-domains", "example.org");
		return properties;
	}

	/**
	 * A SPIRE server CA: self-signed, the trust domain as URI SAN.
	 */
	private static CertificateAuthority spireCa(String trustDomain) {
		return CertificateAuthority.root(CertificateAuthority.selfSigned()
			.subject("C=US,O=SPIFFE")
			.uri("spiffe://" + trustDomain)
			.keyType(KeyType.EC_P256)
			.validFor(Duration.ofDays(1)), KeyType.EC_P256);
	}

	/**
	 * A short-lived X.509-SVID as SPIRE issues it: backdated by a few seconds, one SPIFFE
	 * ID, the registration entry's DNS name, server and client authentication.
	 */
	private static Credential svid(CertificateAuthority authority, String spiffeId) {
		Instant now = Instant.now();
		return authority.certificate()
			.subject("C=US,O=SPIRE")
			.uri(spiffeId)
			.dns("localhost")
			.serverAuth()
			.clientAuth()
			.validity(now.minusSeconds(10), now.plus(Duration.ofMinutes(5)))
			.issue();
	}

	private TlsTestClient workload(CertificateAuthority authority, String spiffeId) {
		return TlsTestClient.presenting(svid(authority, spiffeId), this.spireCa.certificateOfAuthority(),
				this.nextSpireCa.certificateOfAuthority());
	}

	private static void awaitTrustAnchors(ConfigurableApplicationContext context, int count) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> context.getBean(MaterialSource.class).current().trustAnchors(),
					(anchors) -> anchors.size() == count);
	}

	private static void assertRefused(TlsTestClient client, ConfigurableApplicationContext context) {
		assertThatException()
			.isThrownBy(() -> client.withNewSessions().session("localhost", Applications.port(context)));
	}

	private static String hex(Credential credential) {
		return credential.serial().toString(16);
	}

}
