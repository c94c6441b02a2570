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

import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CertificateBuilder#identity(String)}.
 *
 * @author mtls-spring-boot authors
 */
class CertificateBuilderIdentityTests {

	private final CertificateAuthority authority = CertificateAuthority.root("Test Root CA");

	@Test
	void whenSpiffeIdThenUriNameAndLastSegmentAsCommonName() throws Exception {
		X509Certificate certificate = issue("spiffe://example.org/ns/prod/sa/orders");

		assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=orders");
		assertThat(certificate.getSubjectAlternativeNames())
			.containsExactly(List.of(6, "spiffe://example.org/ns/prod/sa/orders"));
	}

	@Test
	void whenUriWithoutPathThenHostAsCommonName() {
		assertThat(issue("spiffe://example.org").getSubjectX500Principal().getName()).isEqualTo("CN=example.org");
	}

	@Test
	void whenDnsThenDnsNameAndCommonName() throws Exception {
		X509Certificate certificate = issue("dns:orders.example.org");

		assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=orders.example.org");
		assertThat(certificate.getSubjectAlternativeNames()).containsExactly(List.of(2, "orders.example.org"));
	}

	@Test
	void whenEmailThenEmailNameAndCommonName() throws Exception {
		X509Certificate certificate = issue("email:orders@example.org");

		assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=orders@example.org");
		assertThat(certificate.getSubjectAlternativeNames()).containsExactly(List.of(1, "orders@example.org"));
	}

	@Test
	void whenCommonNameThenNoAlternativeNames() throws Exception {
		X509Certificate certificate = issue("cn:orders");

		assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=orders");
		assertThat(certificate.getSubjectAlternativeNames()).isNull();
	}

	@Test
	void whenIdentityHasNoKnownFormThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> issue("orders"))
			.withMessage("Unknown identity 'orders': use a URI (spiffe://example.org/orders), "
					+ "dns:orders.example.org, email:orders@example.org or cn:orders");
		assertThatIllegalArgumentException().isThrownBy(() -> issue("dns:"));
	}

	private X509Certificate issue(String identity) {
		return this.authority.certificate().identity(identity).issue().certificate();
	}

}
