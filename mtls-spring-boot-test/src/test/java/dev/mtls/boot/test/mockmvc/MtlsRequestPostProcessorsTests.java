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

import java.security.SignatureException;
import java.security.cert.X509Certificate;

import dev.mtls.boot.test.context.MtlsTest;
import dev.mtls.boot.test.context.MtlsTestPki;
import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.testapp.PeerApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;

import static dev.mtls.boot.test.mockmvc.MtlsRequestPostProcessors.mtls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tests for {@link MtlsRequestPostProcessors}.
 *
 * @author mtls-spring-boot authors
 */
@SpringBootTest(classes = PeerApplication.class)
@MtlsTest
class MtlsRequestPostProcessorsTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	MtlsTestPki pki;

	@Test
	void whenIdentityUnderMtlsTestThenRequestCarriesTheContextPkiCertificate() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		Credential billing = this.pki.client("spiffe://example.org/billing");

		mvc.perform(get("/peer").with(mtls("spiffe://example.org/billing")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.serial").value(billing.serial().toString(16)))
			.andExpect(jsonPath("$.names[0]").value("spiffe://example.org/billing"))
			.andExpect(jsonPath("$.secure").value(true))
			.andExpect(jsonPath("$.scheme").value("https"));
	}

	@Test
	void whenNoMtlsTestPkiThenSharedCaIssuesOneCertificatePerIdentity() throws Exception {
		Recorder recorder = new Recorder();
		MockMvc mvc = MockMvcBuilders.standaloneSetup(recorder).build();

		mvc.perform(get("/record").with(mtls("dns:billing.example.org"))).andExpect(status().isOk());
		X509Certificate first = recorder.chain[0];
		mvc.perform(get("/record").with(mtls("dns:billing.example.org"))).andExpect(status().isOk());

		assertThat(first.getSubjectAlternativeNames()).singleElement()
			.satisfies((name) -> assertThat(name.get(1)).isEqualTo("billing.example.org"));
		assertThat(recorder.chain[0]).isEqualTo(first);
		assertThatExceptionOfType(SignatureException.class)
			.isThrownBy(() -> first.verify(this.pki.rootCertificate().getPublicKey()));
	}

	@Test
	void whenCredentialOfIntermediateThenWholeChainIsPresented() throws Exception {
		CertificateAuthority intermediate = this.pki.authority().intermediate("Test Intermediate CA");
		Credential credential = intermediate.certificate().identity("spiffe://example.org/billing").issue();
		Recorder recorder = new Recorder();
		MockMvc mvc = MockMvcBuilders.standaloneSetup(recorder).build();

		mvc.perform(get("/record").with(mtls(credential))).andExpect(status().isOk());

		assertThat(recorder.chain).containsExactly(credential.certificate(), intermediate.certificateOfAuthority());
	}

	/**
	 * Records the chain of the last request.
	 */
	@RestController
	static class Recorder {

		volatile X509Certificate[] chain;

		@GetMapping("/record")
		String record(jakarta.servlet.http.HttpServletRequest request) {
			this.chain = (X509Certificate[]) request.getAttribute(MtlsRequestPostProcessors.CERTIFICATE_ATTRIBUTE);
			return "recorded";
		}

	}

}
