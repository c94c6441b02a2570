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

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.CertificateBuilder;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile input to identity extraction: random and malicious names (NUL bytes, control
 * characters, overlong values) in SANs and DNs, mutated certificate encodings, and
 * duplicate extensions. Extraction yields an identity whose name has no control
 * characters, or refuses with {@link IdentityRefusedException}; nothing else. Bounded in
 * count and time, seeded for repeatability.
 *
 * @author mtls-spring-boot authors
 */
class HostileIdentityTests {

	private static final CertificateAuthority CA = CertificateAuthority.root("Test Root CA");

	private static final List<IdentitySource> ALL_SOURCES = List.of(IdentitySource.SPIFFE, IdentitySource.URI,
			IdentitySource.DNS, IdentitySource.CN, IdentitySource.EMAIL, IdentitySource.SUBJECT);

	private final ClientIdentityExtractor extractor = new ClientIdentityExtractor(ALL_SOURCES, List.of());

	@Test
	void randomSpiffeIdsParseOrAreRefused() {
		Random random = new Random(1);
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			for (int i = 0; i < 5_000; i++) {
				String candidate = (random.nextBoolean() ? "spiffe://" : "") + text(random, 80);
				try {
					SpiffeId spiffeId = SpiffeId.parse(candidate);
					assertThat(spiffeId.toString()).isEqualTo(candidate);
				}
				catch (InvalidSpiffeIdException ex) {
					assertThat(ex.getMessage()).startsWith("Invalid SPIFFE ID").doesNotContain("\u0000");
				}
			}
		});
	}

	@Test
	void randomNamesYieldCleanIdentitiesOrRefusals() {
		Random random = new Random(2);
		assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
			for (int i = 0; i < 120; i++) {
				CertificateBuilder builder = CA.certificate()
					.subject(new X500Name(new RDN[] { new RDN(BCStyle.CN, new DERUTF8String(text(random, 64))),
							new RDN(BCStyle.OU, new DERUTF8String(text(random, 32))) }))
					.clientAuth();
				switch (i % 4) {
					case 0 -> builder.subjectAlternativeName(new GeneralName(GeneralName.uniformResourceIdentifier,
							"spiffe://example.org/" + text(random, 40)));
					case 1 -> builder.subjectAlternativeName(new GeneralName(GeneralName.dNSName, text(random, 40)));
					case 2 -> builder.subjectAlternativeName(new GeneralName(GeneralName.rfc822Name, text(random, 40)));
					default -> builder.uri("spiffe://example.org/" + "a".repeat(random.nextInt(3000)));
				}
				assertCleanOutcome(builder.issue().certificate());
			}
		});
	}

	@Test
	void mutatedCertificateEncodingsNeverReachExtractionUnparsed() throws Exception {
		Random random = new Random(3);
		byte[] der = CA.certificate()
			.uri("spiffe://example.org/orders")
			.clientAuth()
			.issue()
			.certificate()
			.getEncoded();
		CertificateFactory factory = CertificateFactory.getInstance("X.509");
		assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
			for (int i = 0; i < 2_000; i++) {
				byte[] mutated = der.clone();
				for (int flips = 0; flips <= random.nextInt(4); flips++) {
					mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
				}
				X509Certificate parsed;
				try {
					parsed = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(mutated));
				}
				catch (CertificateException | RuntimeException ex) {
					continue;
				}
				assertCleanOutcome(parsed);
			}
		});
	}

	@Test
	void whenCertificateHasDuplicateExtensionsThenTheJdkRefusesToParseIt() throws Exception {
		byte[] der = CA.certificate()
			.uri("spiffe://example.org/orders")
			.clientAuth()
			.issue()
			.certificate()
			.getEncoded();

		byte[] duplicated = duplicateFirstExtension(der);

		assertThatExceptionOfType(CertificateException.class).isThrownBy(() -> CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(duplicated)));
	}

	@Test
	void whenNamesCarryNulBytesThenTheyAreNeverUsedAsPrincipals() {
		X509Certificate certificate = CA.certificate()
			.subject(new X500Name(new RDN[] { new RDN(BCStyle.CN, new DERUTF8String("sample-service-a\u0000.evil")) }))
			.clientAuth()
			.issue()
			.certificate();
		ClientIdentityExtractor cnOnly = new ClientIdentityExtractor(List.of(IdentitySource.CN), List.of());

		assertThatExceptionOfType(IdentityRefusedException.class).isThrownBy(() -> cnOnly.extract(certificate));
	}

	private void assertCleanOutcome(X509Certificate certificate) {
		try {
			ClientIdentity identity = this.extractor.extract(certificate);
			assertThat(identity.name()).isNotEmpty().doesNotContainPattern("\\p{Cntrl}");
		}
		catch (IdentityRefusedException ex) {
			assertThat(ex.getReason()).isNotNull();
			assertThat(ex.getMessage()).isNotBlank();
		}
	}

	private static String text(Random random, int maxLength) {
		String alphabet = "abcdefghijklmnopqrstuvwxyzABC0123456789.-_/:?#%@ \u0000\u0001\n\u00e9\u4e2d";
		int length = random.nextInt(maxLength + 1);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	private static byte[] duplicateFirstExtension(byte[] der) throws Exception {
		ASN1Sequence certificate = ASN1Sequence.getInstance(der);
		ASN1Sequence tbs = ASN1Sequence.getInstance(certificate.getObjectAt(0));
		ASN1EncodableVector fields = new ASN1EncodableVector();
		for (ASN1Encodable field : tbs) {
			if (field instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 3) {
				ASN1Sequence extensions = ASN1Sequence.getInstance(tagged.getExplicitBaseObject());
				ASN1EncodableVector duplicated = new ASN1EncodableVector();
				extensions.forEach(duplicated::add);
				duplicated.add(extensions.getObjectAt(0));
				fields.add(new DERTaggedObject(true, 3, new DERSequence(duplicated)));
			}
			else {
				fields.add(field);
			}
		}
		return new DERSequence(
				new ASN1Encodable[] { new DERSequence(fields), certificate.getObjectAt(1), certificate.getObjectAt(2) })
			.getEncoded();
	}

}
