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
package dev.mtls.boot.client;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on the causes of failed TLS calls, which differ between HTTP clients.
 *
 * @author mtls-spring-boot authors
 */
final class TlsFailures {

	private TlsFailures() {
	}

	/**
	 * Assert that the client refused the server's certificate (untrusted or wrong name).
	 * @param failure the failure of the call
	 */
	static void refusedServer(Throwable failure) {
		assertThat(hasCause(failure, CertificateException.class, SSLPeerUnverifiedException.class,
				GeneralSecurityException.class))
			.as("cause chain of %s names a certificate failure", failure)
			.isTrue();
	}

	/**
	 * Assert that the server refused the handshake.
	 * @param failure the failure of the call
	 */
	static void refusedByServer(Throwable failure) {
		assertThat(hasCause(failure, SSLException.class)).as("cause chain of %s holds an SSLException", failure)
			.isTrue();
	}

	@SafeVarargs
	private static boolean hasCause(Throwable failure, Class<? extends Throwable>... types) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < 20; depth++) {
			for (Class<? extends Throwable> type : types) {
				if (type.isInstance(cause)) {
					return true;
				}
			}
			cause = cause.getCause();
		}
		return false;
	}

}
