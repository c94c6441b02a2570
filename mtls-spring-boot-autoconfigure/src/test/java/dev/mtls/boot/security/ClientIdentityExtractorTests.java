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
package dev.mtls.boot.security;

import java.security.cert.X509Certificate;
import java.util.List;

import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.CertificateBuilder;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ClientIdentityExtractor}, on certificates crafted with Bouncy Castle.
 *
 * @author mtls-spring-boot authors
 */
class ClientIdentityExtractorTests {

	private static final CertificateAuthority CA = CertificateAuthority.root("Test Root CA");

	private static final List<IdentitySource> DEFAULT_SOURCES = List.of(IdentitySource.SPIFFE, IdentitySource.URI,
			IdentitySource.DNS, IdentitySource.CN);

	private final ClientIdentityExtractor extractor = new ClientIdentityExtractor(DEFAULT_SOURCES, List.of());

	@Test
	void extractWhenSpiffeIdThenItIsThePrincipalAndEveryNameIsRead() {
		X509Certificate certificate = certificate().commonName("orders")
			.uri("spiffe://example.org/ns/prod/sa/orders", "https://orders.example.org/api")
			.dns("orders.internal", "orders")
			.ip("10.0.0.7", "::1")
			.email("team@example.org")
			.issue()
			.certificate();

		ClientIdentity identity = this.extractor.extract(certificate);

		assertThat(identity.name()).isEqualTo("spiffe://example.org/ns/prod/sa/orders");
		assertThat(identity.source()).isEqualTo(IdentitySource.SPIFFE);
		assertThat(identity.spiffeId()).isEqualTo(new SpiffeId("example.org", "/ns/prod/sa/orders"));
		assertThat(identity.trustDomain()).isEqualTo("example.org");
		assertThat(identity.uris()).containsExactly("spiffe://example.org/ns/prod/sa/orders",
				"https://orders.example.org/api");
		assertThat(identity.dnsNames()).containsExactly("orders.internal", "orders");
		assertThat(identity.ipAddresses()).containsExactly("10.0.0.7", "0:0:0:0:0:0:0:1");
		assertThat(identity.emails()).containsExactly("team@example.org");
		assertThat(identity.commonName()).isEqualTo("orders");
		assertThat(identity.subject()).isEqualTo("CN=orders");
		assertThat(identity.issuer()).isEqualTo("CN=Test Root CA");
		assertThat(identity.serial()).isEqualTo(certificate.getSerialNumber().toString(16));
		assertThat(identity.fingerprint()).hasSize(64).matches("[0-9a-f]+");
		assertThat(identity.notAfter()).isEqualTo(certificate.getNotAfter().toInstant());
		assertThat(identity.getName()).isEqualTo(identity.name());
	}

	@Test
	void extractWhenNoSpiffeIdThenFallsBackInSourceOrder() {
		assertThat(name(certificate().commonName("cn-only").uri("urn:example:orders").dns("orders.internal")))
			.isEqualTo("urn:example:orders");
		assertThat(name(certificate().commonName("cn-only").dns("orders.internal"))).isEqualTo("orders.internal");
		assertThat(name(certificate().commonName("cn-only"))).isEqualTo("cn-only");
	}

	@Test
	void extractWhenSourcesAreConfiguredThenTheirOrderWins() {
		ClientIdentityExtractor cnFirst = new ClientIdentityExtractor(List.of(IdentitySource.CN, IdentitySource.SPIFFE),
				List.of());

		ClientIdentity identity = cnFirst
			.extract(certificate().commonName("orders").uri("spiffe://example.org/orders").issue().certificate());

		assertThat(identity.name()).isEqualTo("orders");
		assertThat(identity.source()).isEqualTo(IdentitySource.CN);
	}

	@Test
	void extractWhenSubjectSourceThenWholeDistinguishedName() {
		ClientIdentityExtractor subject = new ClientIdentityExtractor(List.of(IdentitySource.SUBJECT), List.of());

		X509Certificate certificate = certificate().subject("CN=orders,O=Example").issue().certificate();

		assertThat(subject.extract(certificate).name())
			.isEqualTo(certificate.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253))
			.contains("CN=orders")
			.contains("O=Example");
	}

	@Test
	void extractWhenTwoSpiffeIdsThenRefused() {
		X509Certificate certificate = certificate().uri("spiffe://example.org/a", "spiffe://example.org/b")
			.issue()
			.certificate();

		assertThatExceptionOfType(IdentityRefusedException.class).isThrownBy(() -> this.extractor.extract(certificate))
			.satisfies(
					(ex) -> assertThat(ex.getReason()).isEqualTo(IdentityRefusedException.Reason.MULTIPLE_SPIFFE_IDS))
			.withMessageContaining("more than one SPIFFE ID");
	}

	@Test
	void extractWhenSpiffeIdIsMalformedThenRefused() {
		for (String malformed : List.of("spiffe://Example.org/orders", "spiffe://example.org/a/../admin",
				"spiffe://example.org", "spiffe://example.org/orders?admin=true", "SPIFFE://example.org/orders")) {
			X509Certificate certificate = certificate().commonName("orders").uri(malformed).issue().certificate();

			assertThatExceptionOfType(IdentityRefusedException.class)
				.isThrownBy(() -> this.extractor.extract(certificate))
				.satisfies((ex) -> assertThat(ex.getReason())
					.isEqualTo(IdentityRefusedException.Reason.INVALID_SPIFFE_ID));
		}
	}

	@Test
	void extractWhenTrustDomainIsNotAcceptedThenRefused() {
		ClientIdentityExtractor exampleOnly = new ClientIdentityExtractor(DEFAULT_SOURCES, List.of("example.org"));
		X509Certificate otherDomain = certificate().uri("spiffe://other.org/sample-service-a").issue().certificate();
		X509Certificate noSpiffe = certificate().commonName("sample-service-a").issue().certificate();

		assertThat(exampleOnly.extract(certificate().uri("spiffe://example.org/ok").issue().certificate()).name())
			.isEqualTo("spiffe://example.org/ok");
		assertThatExceptionOfType(IdentityRefusedException.class).isThrownBy(() -> exampleOnly.extract(otherDomain))
			.satisfies((ex) -> assertThat(ex.getReason())
				.isEqualTo(IdentityRefusedException.Reason.TRUST_DOMAIN_NOT_ACCEPTED))
			.withMessageContaining("'other.org'");
		assertThatExceptionOfType(IdentityRefusedException.class).isThrownBy(() -> exampleOnly.extract(noSpiffe))
			.withMessageContaining("has no SPIFFE ID");
	}

	@Test
	void extractWhenNoSourceYieldsANameThenRefused() {
		ClientIdentityExtractor spiffeOnly = new ClientIdentityExtractor(List.of(IdentitySource.SPIFFE), List.of());

		assertThatExceptionOfType(IdentityRefusedException.class)
			.isThrownBy(() -> spiffeOnly.extract(certificate().commonName("orders").issue().certificate()))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(IdentityRefusedException.Reason.NO_NAME));
	}

	@Test
	void extractWhenCommonNameContainsCommasThenItIsKeptWhole() {
		assertThat(name(certificate().subject(name(rdn(BCStyle.CN, "orders, OU=admins")))))
			.isEqualTo("orders, OU=admins");
	}

	@Test
	void extractWhenOrganizationalUnitContainsCnTextThenItIsNotTheCommonName() {
		X500Name subject = name(rdn(BCStyle.O, "CN=sample-service-a"), rdn(BCStyle.OU, "CN=sample-service-a"),
				rdn(BCStyle.CN, "attacker"));

		ClientIdentity identity = this.extractor.extract(certificate().subject(subject).issue().certificate());

		assertThat(identity.commonName()).isEqualTo("attacker");
		assertThat(identity.name()).isEqualTo("attacker");
	}

	@Test
	void extractWhenEscapedCommaSplitsTextThenNoImpersonation() {
		ClientIdentity identity = this.extractor
			.extract(certificate().subject("CN=attacker\\, CN=sample-service-a").issue().certificate());

		assertThat(identity.commonName()).isEqualTo("attacker, CN=sample-service-a");
	}

	@Test
	void extractWhenNoCommonNameButCnTextInOrganizationThenNoName() {
		ClientIdentityExtractor cnOnly = new ClientIdentityExtractor(List.of(IdentitySource.CN), List.of());
		X509Certificate certificate = certificate()
			.subject(name(rdn(BCStyle.O, "Example"), rdn(BCStyle.OU, "CN=sample-service-a")))
			.issue()
			.certificate();

		assertThatExceptionOfType(IdentityRefusedException.class).isThrownBy(() -> cnOnly.extract(certificate));
	}

	@Test
	void extractWhenMultiValuedRdnThenCommonNameIsFound() {
		RDN multiValued = new RDN(
				new AttributeTypeAndValue[] { new AttributeTypeAndValue(BCStyle.OU, new DERUTF8String("payments")),
						new AttributeTypeAndValue(BCStyle.CN, new DERUTF8String("billing")) });
		X500Name subject = new X500Name(new RDN[] { rdn(BCStyle.O, "Example"), multiValued });

		assertThat(this.extractor.extract(certificate().subject(subject).issue().certificate()).commonName())
			.isEqualTo("billing");
	}

	@Test
	void extractWhenSeveralCommonNamesThenNoCommonNameIsTrusted() {
		X500Name subject = name(rdn(BCStyle.CN, "sample-service-a"), rdn(BCStyle.CN, "attacker"));
		ClientIdentityExtractor cnOnly = new ClientIdentityExtractor(List.of(IdentitySource.CN), List.of());
		X509Certificate certificate = certificate().subject(subject).issue().certificate();

		assertThat(this.extractor.extract(certificate().subject(subject).dns("attacker.example").issue().certificate())
			.commonName()).isNull();
		assertThatExceptionOfType(IdentityRefusedException.class).isThrownBy(() -> cnOnly.extract(certificate));
	}

	@Test
	void extractWhenCommonNameIsUtf8ThenItIsDecoded() {
		assertThat(name(certificate().subject(name(rdn(BCStyle.CN, "zürich-服务-ß"))))).isEqualTo("zürich-服务-ß");
	}

	@Test
	void extractWhenCommonNameHasNulByteThenItIsNotAName() {
		ClientIdentityExtractor cnOnly = new ClientIdentityExtractor(List.of(IdentitySource.CN), List.of());
		X509Certificate certificate = certificate().subject(name(rdn(BCStyle.CN, "admin\u0000.evil.example")))
			.issue()
			.certificate();

		assertThatExceptionOfType(IdentityRefusedException.class).isThrownBy(() -> cnOnly.extract(certificate));
	}

	@Test
	void extractWhenUriSanLooksLikeSpiffeIdOfAnotherDomainThenItIsThatDomainsIdentity() {
		ClientIdentity identity = this.extractor.extract(certificate().commonName("sample-service-a")
			.uri("spiffe://evil.org/sample-service-a")
			.issue()
			.certificate());

		assertThat(identity.name()).isEqualTo("spiffe://evil.org/sample-service-a");
		assertThat(identity.name()).isNotEqualTo("spiffe://example.org/sample-service-a");
	}

	private String name(CertificateBuilder builder) {
		return this.extractor.extract(builder.issue().certificate()).name();
	}

	private static CertificateBuilder certificate() {
		return CA.certificate().clientAuth();
	}

	private static X500Name name(RDN... rdns) {
		return new X500Name(rdns);
	}

	private static RDN rdn(org.bouncycastle.asn1.ASN1ObjectIdentifier type, String value) {
		return new RDN(type, new DERUTF8String(value));
	}

}
