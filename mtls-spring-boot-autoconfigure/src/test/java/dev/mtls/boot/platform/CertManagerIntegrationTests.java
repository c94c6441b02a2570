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

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mtls.boot.ssl.MaterialReloadFailedEvent;
import dev.mtls.boot.ssl.MaterialReloadedEvent;
import dev.mtls.boot.ssl.MaterialSource;
import dev.mtls.boot.ssl.MtlsBundleException;
import dev.mtls.boot.test.client.TlsTestClient;
import dev.mtls.boot.test.files.KubernetesVolume;
import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.pki.Pem;
import dev.mtls.boot.testapp.PeerApplication;
import dev.mtls.boot.testapp.RecordedEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for the Kubernetes + cert-manager + trust-manager guide
 * ({@code docs/platforms/kubernetes-cert-manager.md}): a cert-manager Secret
 * ({@code tls.crt}, {@code tls.key}, {@code ca.crt}) mounted as a volume and a
 * trust-manager bundle ConfigMap mounted as a second volume, both updated the way the
 * kubelet updates volumes (a new timestamped directory and an atomic rename of
 * {@code ..data}), over real TLS.
 *
 * @author mtls-spring-boot authors
 */
class CertManagerIntegrationTests {

	private static final String SPIFFE_ID = "spiffe://cluster.local/ns/shop/sa/orders";

	private static final String BUNDLE_KEY = "trust-bundle.pem";

	private final CertificateAuthority oldCa = CertificateAuthority.root("Mesh Root CA 2026");

	private final CertificateAuthority newCa = CertificateAuthority.root("Mesh Root CA 2027");

	@TempDir
	Path directory;

	@Test
	void whenCertManagerRenewsTheCertificateThenServerAndClientPresentTheNewOne() throws Exception {
		Credential issued = orders(this.oldCa);
		Credential renewed = orders(this.oldCa);
		KubernetesVolume secret = secretVolume(issued, this.oldCa);
		KubernetesVolume bundle = bundleVolume(this.oldCa);
		TlsTestClient peer = peer(this.oldCa);
		try (ConfigurableApplicationContext context = Applications.start(properties(secret, bundle),
				PeerApplication.class)) {
			assertThat(Applications.serverSerial(context, peer)).isEqualTo(issued.serial());
			assertThat(Applications.callItself(context, "/peer")).containsEntry("serial", hex(issued));
			String issuedData = secret.dataDirectoryName();

			secret.update(secretPayload(renewed, this.oldCa));

			await().atMost(Duration.ofSeconds(10))
				.until(() -> Applications.serverSerial(context, peer).equals(renewed.serial()));
			assertThat(Applications.callItself(context, "/peer")).containsEntry("serial", hex(renewed));
			assertThat(secret.timestampedDirectoryNames()).containsExactly(secret.dataDirectoryName())
				.doesNotContain(issuedData);
			assertThat(Files.readSymbolicLink(secret.file("tls.crt"))).isEqualTo(Path.of("..data", "tls.crt"));
			assertThat(context.getBean(RecordedEvents.class).of(MaterialReloadedEvent.class)).singleElement()
				.satisfies((event) -> {
					assertThat(event.getPrevious().leaf().getSerialNumber()).isEqualTo(issued.serial());
					assertThat(event.getCurrent().leaf().getSerialNumber()).isEqualTo(renewed.serial());
					assertThat(event.isTrustChanged()).isFalse();
				});
		}
	}

	@Test
	void whenTheAuthorityIsRotatedThroughTheTrustBundleThenPeersOfBothAuthoritiesWorkDuringTheOverlap()
			throws Exception {
		Credential underOldCa = orders(this.oldCa);
		Credential underNewCa = orders(this.newCa);
		KubernetesVolume secret = secretVolume(underOldCa, this.oldCa);
		KubernetesVolume bundle = bundleVolume(this.oldCa);
		TlsTestClient oldPeer = peer(this.oldCa);
		TlsTestClient newPeer = peer(this.newCa);
		try (ConfigurableApplicationContext context = Applications.start(properties(secret, bundle),
				PeerApplication.class)) {
			assertThat(oldPeer.get(Applications.url(context, "/peer")).statusCode()).isEqualTo(200);
			assertRefused(newPeer, context);

			bundle.update(Map.of(BUNDLE_KEY, pem(this.oldCa, this.newCa)));
			awaitTrustAnchors(context, 2);

			assertThat(newPeer.get(Applications.url(context, "/peer")).statusCode()).isEqualTo(200);
			assertThat(oldPeer.get(Applications.url(context, "/peer")).statusCode()).isEqualTo(200);

			secret.update(secretPayload(underNewCa, this.newCa));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> Applications.serverSerial(context, newPeer).equals(underNewCa.serial()));

			assertThat(oldPeer.withNewSessions().get(Applications.url(context, "/peer")).statusCode()).isEqualTo(200);
			assertThat(Applications.callItself(context, "/peer")).containsEntry("serial", hex(underNewCa));

			bundle.update(Map.of(BUNDLE_KEY, pem(this.newCa)));
			awaitTrustAnchors(context, 1);

			assertRefused(oldPeer, context);
			assertThat(newPeer.withNewSessions().get(Applications.url(context, "/peer")).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void whenTheCertificateOfTheNewAuthorityArrivesBeforeTheBundleThenTheOldOneServesUntilTheBundleArrives()
			throws Exception {
		Credential underOldCa = orders(this.oldCa);
		Credential underNewCa = orders(this.newCa);
		KubernetesVolume secret = secretVolume(underOldCa, this.oldCa);
		KubernetesVolume bundle = bundleVolume(this.oldCa);
		TlsTestClient peer = peer(this.oldCa);
		try (ConfigurableApplicationContext context = Applications.start(properties(secret, bundle),
				PeerApplication.class)) {
			RecordedEvents events = context.getBean(RecordedEvents.class);

			secret.update(secretPayload(underNewCa, this.newCa));

			await().atMost(Duration.ofSeconds(10)).until(() -> !events.of(MaterialReloadFailedEvent.class).isEmpty());
			assertThat(events.of(MaterialReloadFailedEvent.class)).singleElement()
				.extracting(MaterialReloadFailedEvent::getReason)
				.isEqualTo(MtlsBundleException.Reason.CHAIN_NOT_TRUSTED);
			assertThat(Applications.serverSerial(context, peer)).isEqualTo(underOldCa.serial());

			bundle.update(Map.of(BUNDLE_KEY, pem(this.oldCa, this.newCa)));

			await().atMost(Duration.ofSeconds(10))
				.until(() -> Applications.serverSerial(context, peer).equals(underNewCa.serial()));
			assertThat(events.of(MaterialReloadedEvent.class)).singleElement()
				.satisfies((event) -> assertThat(event.isTrustChanged()).isTrue());
		}
	}

	private KubernetesVolume secretVolume(Credential credential, CertificateAuthority issuer) {
		return KubernetesVolume.create(this.directory.resolve("etc/mtls"), secretPayload(credential, issuer));
	}

	private KubernetesVolume bundleVolume(CertificateAuthority... authorities) {
		return KubernetesVolume.create(this.directory.resolve("etc/mtls-trust"), Map.of(BUNDLE_KEY, pem(authorities)));
	}

	/**
	 * The keys of a cert-manager {@code kubernetes.io/tls} Secret: the chain, the private
	 * key (PKCS#8 as the guide's {@code encoding: PKCS8} asks) and the issuing authority.
	 */
	private static Map<String, String> secretPayload(Credential credential, CertificateAuthority issuer) {
		Map<String, String> payload = new LinkedHashMap<>();
		payload.put("ca.crt", pem(issuer));
		payload.put("tls.crt", credential.certificatePem());
		payload.put("tls.key", credential.privateKeyPem());
		return payload;
	}

	/**
	 * The application properties of the guide, pointing at the two volumes.
	 */
	private static Map<String, String> properties(KubernetesVolume secret, KubernetesVolume bundle) {
		String prefix = "spring.ssl.bundle.pem.service.";
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(prefix + "keystore.certificate", "file:" + secret.file("tls.crt"));
		properties.put(prefix + "keystore.private-key", "file:" + secret.file("tls.key"));
		properties.put(prefix + "truststore.certificate", "file:" + bundle.file(BUNDLE_KEY));
		properties.put("mtls.bundle", "service");
		properties.put("mtls.identity.trust-domains", "cluster.local");
		return properties;
	}

	/**
	 * A certificate as the guide's {@code Certificate} resource describes it: ECDSA
	 * P-256, a SPIFFE ID, the service's DNS names (and {@code localhost} for the test),
	 * server and client authentication.
	 */
	private static Credential orders(CertificateAuthority authority) {
		return authority.certificate()
			.subject("CN=orders.shop.svc")
			.uri(SPIFFE_ID)
			.dns("orders.shop.svc", "orders.shop.svc.cluster.local", "localhost")
			.serverAuth()
			.clientAuth()
			.validFor(Duration.ofDays(30))
			.issue();
	}

	private TlsTestClient peer(CertificateAuthority authority) {
		Credential credential = authority.certificate()
			.uri("spiffe://cluster.local/ns/shop/sa/checkout")
			.clientAuth()
			.issue();
		return TlsTestClient.presenting(credential, this.oldCa.certificateOfAuthority(),
				this.newCa.certificateOfAuthority());
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

	private static String pem(CertificateAuthority... authorities) {
		List<X509Certificate> certificates = Arrays.stream(authorities)
			.map(CertificateAuthority::certificateOfAuthority)
			.toList();
		return Pem.certificates(certificates);
	}

	private static String hex(Credential credential) {
		return credential.serial().toString(16);
	}

}
