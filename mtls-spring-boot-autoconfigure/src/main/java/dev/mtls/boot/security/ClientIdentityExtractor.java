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

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Builds the {@link ClientIdentity} of a verified client certificate. Names are read
 * structurally (subject alternative names by type, the common name from the subject's
 * RDNs), never by regular expression or string splitting, so text such as
 * {@code OU=CN=admin} or an escaped comma cannot impersonate another identity.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class ClientIdentityExtractor {

	private static final int SAN_EMAIL = 1;

	private static final int SAN_DNS = 2;

	private static final int SAN_URI = 6;

	private static final int SAN_IP = 7;

	private final List<IdentitySource> sources;

	private final Set<String> trustDomains;

	/**
	 * Create an extractor.
	 * @param sources the sources of the principal name, in order
	 * @param trustDomains the accepted SPIFFE trust domains; empty accepts any
	 */
	public ClientIdentityExtractor(List<IdentitySource> sources, Collection<String> trustDomains) {
		Assert.notEmpty(sources, "'sources' must not be empty");
		this.sources = List.copyOf(sources);
		this.trustDomains = Set.copyOf(trustDomains);
	}

	/**
	 * Return the identity of a certificate.
	 * @param certificate the verified client (leaf) certificate
	 * @return the identity
	 * @throws IdentityRefusedException if the certificate carries no acceptable identity
	 */
	public ClientIdentity extract(X509Certificate certificate) {
		List<String> uris = new ArrayList<>();
		List<String> dnsNames = new ArrayList<>();
		List<String> ipAddresses = new ArrayList<>();
		List<String> emails = new ArrayList<>();
		readSubjectAlternativeNames(certificate, uris, dnsNames, ipAddresses, emails);
		SpiffeId spiffeId = spiffeId(uris);
		checkTrustDomain(spiffeId, certificate);
		String subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
		String commonName = commonName(certificate);
		for (IdentitySource source : this.sources) {
			String name = source.nameOf(spiffeId, uris, dnsNames, emails, commonName, subject);
			if (name != null && !name.isEmpty() && !hasControlCharacter(name)) {
				return new ClientIdentity(name, source, spiffeId, uris, dnsNames, ipAddresses, emails, subject,
						commonName, certificate.getIssuerX500Principal().getName(X500Principal.RFC2253),
						certificate.getSerialNumber().toString(16), fingerprint(certificate),
						certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
			}
		}
		throw new IdentityRefusedException(IdentityRefusedException.Reason.NO_NAME, null,
				"The client certificate (serial %s) has no name from any of the identity sources %s"
					.formatted(certificate.getSerialNumber().toString(16), this.sources));
	}

	private static void readSubjectAlternativeNames(X509Certificate certificate, List<String> uris,
			List<String> dnsNames, List<String> ipAddresses, List<String> emails) {
		Collection<List<?>> names;
		try {
			names = certificate.getSubjectAlternativeNames();
		}
		catch (CertificateParsingException ex) {
			throw new IdentityRefusedException(IdentityRefusedException.Reason.UNPARSEABLE, null,
					"The subject alternative names of the client certificate cannot be parsed");
		}
		if (names == null) {
			return;
		}
		for (List<?> name : names) {
			if (name.size() < 2 || !(name.get(0) instanceof Integer type) || !(name.get(1) instanceof String value)) {
				continue;
			}
			switch (type) {
				case SAN_URI -> uris.add(value);
				case SAN_DNS -> dnsNames.add(value);
				case SAN_IP -> ipAddresses.add(value);
				case SAN_EMAIL -> emails.add(value);
				default -> {
				}
			}
		}
	}

	private static @Nullable SpiffeId spiffeId(List<String> uris) {
		SpiffeId spiffeId = null;
		for (String uri : uris) {
			if (!SpiffeId.claims(uri)) {
				continue;
			}
			if (spiffeId != null) {
				throw new IdentityRefusedException(IdentityRefusedException.Reason.MULTIPLE_SPIFFE_IDS,
						spiffeId.toString(),
						"The client certificate holds more than one SPIFFE ID (%s and %s); an X.509-SVID must hold exactly one"
							.formatted(spiffeId, InvalidSpiffeIdException.printable(uri)));
			}
			try {
				spiffeId = SpiffeId.parse(uri);
			}
			catch (InvalidSpiffeIdException ex) {
				throw new IdentityRefusedException(IdentityRefusedException.Reason.INVALID_SPIFFE_ID,
						InvalidSpiffeIdException.printable(uri), ex.getMessage());
			}
		}
		return spiffeId;
	}

	private void checkTrustDomain(@Nullable SpiffeId spiffeId, X509Certificate certificate) {
		if (this.trustDomains.isEmpty()) {
			return;
		}
		if (spiffeId == null) {
			throw new IdentityRefusedException(IdentityRefusedException.Reason.TRUST_DOMAIN_NOT_ACCEPTED, null,
					"The client certificate (serial %s) has no SPIFFE ID, but mtls.identity.trust-domains only accepts %s"
						.formatted(certificate.getSerialNumber().toString(16), this.trustDomains));
		}
		if (!this.trustDomains.contains(spiffeId.trustDomain())) {
			throw new IdentityRefusedException(IdentityRefusedException.Reason.TRUST_DOMAIN_NOT_ACCEPTED,
					spiffeId.toString(), "The trust domain '%s' of %s is not among the accepted trust domains %s"
						.formatted(spiffeId.trustDomain(), spiffeId, this.trustDomains));
		}
	}

	private static @Nullable String commonName(X509Certificate certificate) {
		Set<String> commonNames = new LinkedHashSet<>();
		try {
			X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
			for (RDN rdn : subject.getRDNs()) {
				for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
					if (BCStyle.CN.equals(attribute.getType())) {
						ASN1Encodable value = attribute.getValue();
						if (!(value instanceof ASN1String text)) {
							return null;
						}
						commonNames.add(text.getString());
					}
				}
			}
		}
		catch (IllegalArgumentException ex) {
			throw new IdentityRefusedException(IdentityRefusedException.Reason.UNPARSEABLE, null,
					"The subject of the client certificate cannot be parsed");
		}
		return (commonNames.size() == 1) ? commonNames.iterator().next() : null;
	}

	private static String fingerprint(X509Certificate certificate) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
		}
		catch (NoSuchAlgorithmException | CertificateEncodingException ex) {
			throw new IllegalStateException("Unable to compute the certificate fingerprint", ex);
		}
	}

	private static boolean hasControlCharacter(String name) {
		for (int i = 0; i < name.length(); i++) {
			if (Character.isISOControl(name.charAt(i))) {
				return true;
			}
		}
		return false;
	}

}
