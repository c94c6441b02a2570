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

import java.net.Socket;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import dev.mtls.boot.ssl.PeerVerificationListener.Side;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogMessage;

/**
 * Verifies a peer's chain in three steps: the {@link PeerPolicy} (stricter than the JDK),
 * the JDK's PKIX validation against the trust anchors (with endpoint identification on
 * clients), and {@link Revocation}. Every outcome is reported to the listeners with a
 * bounded reason, so handshakes on the server and on clients are counted where the
 * decision is made; refusals are logged at DEBUG.
 *
 * @author mtls-spring-boot authors
 */
final class PolicyTrustManager extends X509ExtendedTrustManager {

	private static final Log logger = LogFactory.getLog(PolicyTrustManager.class);

	private final X509ExtendedTrustManager pkix;

	private final List<X509Certificate> anchors;

	private final X509Certificate[] acceptedIssuers;

	private final PeerPolicy policy;

	private final Revocation revocation;

	private final Clock clock;

	private final PeerVerificationListener listener;

	PolicyTrustManager(X509ExtendedTrustManager pkix, List<X509Certificate> anchors, PeerPolicy policy,
			Revocation revocation, Clock clock, PeerVerificationListener listener) {
		this.pkix = pkix;
		this.anchors = List.copyOf(anchors);
		this.acceptedIssuers = anchors.toArray(new X509Certificate[0]);
		this.policy = policy;
		this.revocation = revocation;
		this.clock = clock;
		this.listener = listener;
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, @Nullable Socket socket)
			throws CertificateException {
		verify(chain, Side.SERVER, () -> this.pkix.checkClientTrusted(chain, authType, socket));
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, @Nullable SSLEngine engine)
			throws CertificateException {
		verify(chain, Side.SERVER, () -> this.pkix.checkClientTrusted(chain, authType, engine));
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		verify(chain, Side.SERVER, () -> this.pkix.checkClientTrusted(chain, authType));
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, @Nullable Socket socket)
			throws CertificateException {
		verify(chain, Side.CLIENT, () -> this.pkix.checkServerTrusted(chain, authType, socket));
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, @Nullable SSLEngine engine)
			throws CertificateException {
		verify(chain, Side.CLIENT, () -> this.pkix.checkServerTrusted(chain, authType, engine));
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		verify(chain, Side.CLIENT, () -> this.pkix.checkServerTrusted(chain, authType));
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return this.acceptedIssuers.clone();
	}

	private void verify(X509Certificate @Nullable [] chain, Side side, PkixCheck pkixCheck)
			throws PeerRejectedException {
		X509Certificate[] certificates = (chain != null) ? chain : new X509Certificate[0];
		Date now = Date.from(this.clock.instant());
		try {
			this.policy.check(certificates, this.anchors,
					(side == Side.SERVER) ? PeerPolicy.CLIENT_AUTH : PeerPolicy.SERVER_AUTH, now);
			try {
				pkixCheck.run();
			}
			catch (CertificateException ex) {
				throw new PeerRejectedException(classify(ex), ex.getMessage(), ex);
			}
			this.revocation.check(certificates, now);
		}
		catch (PeerRejectedException ex) {
			this.listener.rejected(side, ex.getReason());
			if (logger.isDebugEnabled()) {
				logger.debug(LogMessage.format("Refused %s certificate '%s' (%s): %s",
						(side == Side.SERVER) ? "client" : "server",
						(certificates.length > 0) ? PeerPolicy.subject(certificates[0]) : "none", ex.getReason().tag(),
						ex.getMessage()));
			}
			throw ex;
		}
		this.listener.accepted(side);
	}

	static PeerRejection classify(Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < 10; depth++) {
			PeerRejection reason = reason(cause);
			if (reason != null) {
				return reason;
			}
			cause = cause.getCause();
		}
		String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
		if (message.contains("key usage")) {
			return PeerRejection.WRONG_KEY_USAGE;
		}
		if (message.contains("algorithm") || message.contains("key size")) {
			return PeerRejection.WEAK_KEY_OR_ALGORITHM;
		}
		if (message.contains("no subject alternative") || message.contains("no name matching")) {
			return PeerRejection.IDENTITY_REFUSED;
		}
		return PeerRejection.OTHER;
	}

	private static @Nullable PeerRejection reason(Throwable cause) {
		if (cause instanceof PeerRejectedException rejected) {
			return rejected.getReason();
		}
		if (cause instanceof CertificateExpiredException) {
			return PeerRejection.EXPIRED;
		}
		if (cause instanceof CertificateNotYetValidException) {
			return PeerRejection.NOT_YET_VALID;
		}
		if (cause instanceof CertPathBuilderException) {
			return PeerRejection.UNTRUSTED_ISSUER;
		}
		if (cause instanceof CertPathValidatorException validator) {
			CertPathValidatorException.Reason reason = validator.getReason();
			if (reason == BasicReason.EXPIRED) {
				return PeerRejection.EXPIRED;
			}
			if (reason == BasicReason.NOT_YET_VALID) {
				return PeerRejection.NOT_YET_VALID;
			}
			if (reason == BasicReason.REVOKED) {
				return PeerRejection.REVOKED;
			}
			if (reason == BasicReason.UNDETERMINED_REVOCATION_STATUS) {
				return PeerRejection.REVOCATION_UNKNOWN;
			}
			if (reason == BasicReason.ALGORITHM_CONSTRAINED) {
				return PeerRejection.WEAK_KEY_OR_ALGORITHM;
			}
			if (reason == BasicReason.INVALID_SIGNATURE || reason == PKIXReason.NO_TRUST_ANCHOR
					|| reason == PKIXReason.NOT_CA_CERT) {
				return PeerRejection.UNTRUSTED_ISSUER;
			}
			if (reason == PKIXReason.PATH_TOO_LONG) {
				return PeerRejection.CHAIN_TOO_LONG;
			}
			if (reason == PKIXReason.INVALID_KEY_USAGE) {
				return PeerRejection.WRONG_KEY_USAGE;
			}
		}
		return null;
	}

	@FunctionalInterface
	private interface PkixCheck {

		void run() throws CertificateException;

	}

}
