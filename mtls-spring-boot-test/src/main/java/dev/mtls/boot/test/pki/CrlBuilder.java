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
package dev.mtls.boot.test.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds a certificate revocation list signed by a {@link CertificateAuthority}.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class CrlBuilder {

	private final CertificateAuthority issuer;

	private final List<BigInteger> revoked = new ArrayList<>();

	private Instant thisUpdate = Instant.now().minus(Duration.ofMinutes(5));

	private Instant nextUpdate = Instant.now().plus(Duration.ofDays(1));

	private BigInteger number = BigInteger.valueOf(System.currentTimeMillis());

	CrlBuilder(CertificateAuthority issuer) {
		this.issuer = issuer;
	}

	/**
	 * Revoke a certificate.
	 * @param serial the serial number
	 * @return this builder
	 */
	public CrlBuilder revoke(BigInteger serial) {
		this.revoked.add(serial);
		return this;
	}

	/**
	 * Set the update times.
	 * @param thisUpdate when this list was issued
	 * @param nextUpdate when the next list is due
	 * @return this builder
	 */
	public CrlBuilder updates(Instant thisUpdate, Instant nextUpdate) {
		this.thisUpdate = thisUpdate;
		this.nextUpdate = nextUpdate;
		return this;
	}

	/**
	 * Make the list stale: its next update lies in the past.
	 * @return this builder
	 */
	public CrlBuilder stale() {
		return updates(Instant.now().minus(Duration.ofDays(2)), Instant.now().minus(Duration.ofDays(1)));
	}

	/**
	 * Set the CRL number.
	 * @param number the number
	 * @return this builder
	 */
	public CrlBuilder number(long number) {
		this.number = BigInteger.valueOf(number);
		return this;
	}

	/**
	 * Issue the list.
	 * @return the CRL
	 */
	public X509CRL issue() {
		try {
			X509v2CRLBuilder builder = new X509v2CRLBuilder(this.issuer.name(), Date.from(this.thisUpdate));
			builder.setNextUpdate(Date.from(this.nextUpdate));
			for (BigInteger serial : this.revoked) {
				builder.addCRLEntry(serial, Date.from(this.thisUpdate), CRLReason.keyCompromise);
			}
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(this.issuer.keyPair().getPublic()));
			builder.addExtension(Extension.cRLNumber, false, new CRLNumber(this.number));
			return new JcaX509CRLConverter()
				.getCRL(builder.build(new JcaContentSignerBuilder(this.issuer.keyType().signatureAlgorithm())
					.build(this.issuer.keyPair().getPrivate())));
		}
		catch (CertIOException | OperatorCreationException | GeneralSecurityException ex) {
			throw new IllegalStateException("Unable to issue CRL", ex);
		}
	}

}
