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
package dev.mtls.boot.test.context;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Runs the application under test on an ephemeral PKI: put it on a
 * {@code @SpringBootTest} class and, before the application starts, a test root CA and a
 * certificate for the application ({@code localhost}, {@code 127.0.0.1}, {@code ::1} and
 * {@link #identity()}) are generated, written as PEM files into a temporary directory and
 * made the application's mTLS bundle ({@code mtls.bundle} and
 * {@code spring.ssl.bundle.pem.<bundle>.*}), and the CA's revocation list its CRL
 * ({@code mtls.revocation.crl}). The development PKI is switched off
 * ({@code mtls.dev.enabled=false}) so that the test PKI always wins.
 * <p>
 * The test gets {@link MtlsTestClients} (and the {@link MtlsTestPki}) injected like any
 * bean. Clients present a certificate of the test CA for any identity, no certificate, or
 * one from an untrusted CA, and call the running server (use
 * {@code webEnvironment = RANDOM_PORT}):
 *
 * <pre class="code">
 * &#064;SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
 * &#064;MtlsTest
 * class OrdersTests {
 *
 *     &#064;Autowired
 *     MtlsTestClients clients;
 *
 *     &#064;Test
 *     void whenBillingCallsOrdersThenOk() {
 *         this.clients.as("spiffe://example.org/billing").restTestClient()
 *             .get().uri("/orders").exchange()
 *             .expectStatus().isOk();
 *     }
 *
 * }
 * </pre>
 *
 * One PKI belongs to one application context: test classes with the same configuration
 * share the cached context and therefore its PKI. Different attribute values make
 * different contexts.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 * @see MtlsTestClients
 * @see dev.mtls.boot.test.mockmvc.MtlsRequestPostProcessors
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = "mtls.dev.enabled=false")
public @interface MtlsTest {

	/**
	 * The name of the SSL bundle that holds the test PKI's files and that
	 * {@code mtls.bundle} selects. The default, a name of its own, keeps the test PKI
	 * apart from any bundle the application configures; name the application's bundle if
	 * code looks it up by name.
	 * @return the bundle name
	 */
	String bundle() default MtlsTestPki.DEFAULT_BUNDLE;

	/**
	 * The identity of the application under test: the certificate it presents as a server
	 * and when it calls other services. Any form
	 * {@link dev.mtls.boot.test.pki.CertificateBuilder#identity(String)} accepts. By
	 * default {@code spiffe://example.org/<spring.application.name>}, the identity the
	 * development PKI gives the application ({@code spiffe://example.org/server} without
	 * an application name).
	 * @return the identity of the application
	 */
	String identity() default "";

	/**
	 * Identities of clients whose certificates are issued before the application starts
	 * (a malformed identity fails the context then). Clients for other identities are
	 * issued on first use.
	 * @return the client identities
	 */
	String[] clients() default {};

	/**
	 * Identities whose client certificates are revoked from the start: the test CA's
	 * revocation list, which the application checks ({@code mtls.revocation.crl}), lists
	 * them, so {@code clients.as(identity)} is refused at the handshake. Revoke at run
	 * time with {@link MtlsTestPki#revoke(String)}.
	 * @return the revoked identities
	 */
	String[] revoked() default {};

}
