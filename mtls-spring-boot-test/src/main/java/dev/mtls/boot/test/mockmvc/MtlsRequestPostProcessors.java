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
package dev.mtls.boot.test.mockmvc;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mtls.boot.test.context.MtlsTestPki;
import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.ClientCertificates;
import dev.mtls.boot.test.pki.Credential;
import org.jspecify.annotations.Nullable;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * MockMvc {@link RequestPostProcessor}s that make a request arrive as if over mutual TLS:
 * the client certificate chain is in the {@code jakarta.servlet.request.X509Certificate}
 * attribute (where Tomcat puts the chain that the handshake verified) and the request is
 * secure ({@code https}). mtls-spring-boot's authentication reads that attribute, so the
 * caller gets the same {@code ClientIdentity} and authorities as over a real connection,
 * without sockets:
 *
 * <pre class="code">
 * mvc.perform(get("/orders").with(mtls("spiffe://example.org/billing")))
 *     .andExpect(status().isOk());
 * </pre>
 *
 * Under {@link dev.mtls.boot.test.context.MtlsTest @MtlsTest} the certificate for an
 * identity comes from the application context's {@link MtlsTestPki}: it is the very
 * certificate that {@code MtlsTestClients.as(identity)} presents over a real connection
 * (same serial, issuer and fingerprint). Without it a CA shared by the JVM issues it.
 * There is no handshake, so nothing checks the chain here: trust, validity and key
 * strength are the handshake's business and need a real connection to test.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class MtlsRequestPostProcessors {

	static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

	private MtlsRequestPostProcessors() {
	}

	/**
	 * Present a client certificate for an identity.
	 * @param identity the identity, for example {@code spiffe://example.org/orders},
	 * {@code dns:orders.example.org}, {@code email:orders@example.org} or
	 * {@code cn:orders}
	 * @return the post-processor
	 */
	public static RequestPostProcessor mtls(String identity) {
		return (request) -> present(request, credential(request, identity).chain());
	}

	/**
	 * Present a credential's certificate chain (leaf first, intermediates after).
	 * @param credential the credential
	 * @return the post-processor
	 */
	public static RequestPostProcessor mtls(Credential credential) {
		return mtls(credential.chain().toArray(new X509Certificate[0]));
	}

	/**
	 * Present a certificate chain.
	 * @param chain the chain, leaf first
	 * @return the post-processor
	 */
	public static RequestPostProcessor mtls(X509Certificate... chain) {
		List<X509Certificate> certificates = List.of(chain);
		return (request) -> present(request, certificates);
	}

	private static MockHttpServletRequest present(MockHttpServletRequest request, List<X509Certificate> chain) {
		request.setAttribute(CERTIFICATE_ATTRIBUTE, chain.toArray(new X509Certificate[0]));
		request.setScheme("https");
		request.setSecure(true);
		if (request.getServerPort() == 80) {
			request.setServerPort(443);
		}
		return request;
	}

	private static Credential credential(MockHttpServletRequest request, String identity) {
		MtlsTestPki pki = contextPki(request);
		return (pki != null) ? pki.client(identity) : SharedPki.client(identity);
	}

	private static @Nullable MtlsTestPki contextPki(MockHttpServletRequest request) {
		WebApplicationContext context = WebApplicationContextUtils
			.findWebApplicationContext(request.getServletContext());
		return (context != null) ? context.getBeanProvider(MtlsTestPki.class).getIfAvailable() : null;
	}

	/**
	 * The CA for requests outside {@link dev.mtls.boot.test.context.MtlsTest @MtlsTest}.
	 */
	private static final class SharedPki {

		private static final ClientCertificates CERTIFICATES = ClientCertificates
			.issuedBy(CertificateAuthority.root("Test Root CA"));

		private static final Map<String, Credential> CLIENTS = new ConcurrentHashMap<>();

		static Credential client(String identity) {
			return CLIENTS.computeIfAbsent(identity, CERTIFICATES::issue);
		}

	}

}
