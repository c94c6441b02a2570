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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.pki.TestPki;
import dev.mtls.boot.testapp.PeerApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Integration tests for mTLS on {@link RestClient.Builder} and {@link WebClient.Builder}
 * beans, for each HTTP client Spring Boot can detect, against a real mTLS server.
 *
 * @author mtls-spring-boot authors
 */
class MtlsClientIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@TempDir
	static Path directory;

	static TestPki pki;

	@BeforeAll
	static void createPki() {
		pki = TestPki.create(directory);
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdk", "http-components", "reactor" })
	void restClientAndWebClientFromContextPresentBundleCertificate(String connector) {
		try (ConfigurableApplicationContext context = start(connector, pki.bundleProperties("service"))) {
			String url = url(context);

			Map<String, Object> viaRestClient = context.getBean(RestClient.Builder.class)
				.build()
				.get()
				.uri(url)
				.retrieve()
				.body(MAP);
			Map<String, Object> viaWebClient = context.getBean(WebClient.Builder.class)
				.build()
				.get()
				.uri(url)
				.retrieve()
				.bodyToMono(MAP)
				.block();

			String subject = pki.server().certificate().getSubjectX500Principal().getName();
			assertThat(viaRestClient).containsEntry("subject", subject);
			assertThat(viaWebClient).containsEntry("subject", subject);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdk", "http-components", "reactor" })
	void whenServerCertificateDoesNotNameHostThenClientsRefuseIt(String connector) {
		Credential wrongName = pki.authority()
			.certificate()
			.commonName("elsewhere")
			.dns("elsewhere.example")
			.serverAuth()
			.clientAuth()
			.issue();
		Credential.PemFiles files = wrongName.writePem(directory, "wrong-name-" + connector);
		try (ConfigurableApplicationContext context = start(connector,
				TestPki.bundleProperties("service", files, pki.trustFile()))) {
			String url = url(context);

			assertThatException()
				.isThrownBy(() -> context.getBean(RestClient.Builder.class).build().get().uri(url).retrieve().body(MAP))
				.satisfies(TlsFailures::refusedServer);
			assertThatException()
				.isThrownBy(() -> context.getBean(WebClient.Builder.class)
					.build()
					.get()
					.uri(url)
					.retrieve()
					.bodyToMono(MAP)
					.block())
				.satisfies(TlsFailures::refusedServer);
		}
	}

	@Test
	void whenBuilderOptsOutThenItPresentsNoCertificateAndDoesNotTrustTheServer() {
		try (ConfigurableApplicationContext context = start("jdk", pki.bundleProperties("service"))) {
			MtlsRestClientCustomizer mtls = context.getBean(MtlsRestClientCustomizer.class);
			RestClient plain = context.getBean(RestClient.Builder.class).apply(mtls.optOut()).build();

			assertThatException().isThrownBy(() -> plain.get().uri(url(context)).retrieve().body(MAP))
				.satisfies(TlsFailures::refusedServer);
		}
	}

	@Test
	void whenBootClientBundleIsSetThenItIsHonoured() {
		List<String> properties = new ArrayList<>(Arrays.asList(pki.bundleProperties("service")));
		properties.add("spring.ssl.bundle.pem.trust-only.truststore.certificate=file:" + pki.trustFile());
		properties.add("spring.http.clients.ssl.bundle=trust-only");
		try (ConfigurableApplicationContext context = start("jdk", properties.toArray(new String[0]))) {
			RestClient client = context.getBean(RestClient.Builder.class).build();

			assertThatException().isThrownBy(() -> client.get().uri(url(context)).retrieve().body(MAP))
				.satisfies(TlsFailures::refusedByServer);
		}
	}

	private static ConfigurableApplicationContext start(String connector, String... bundleProperties) {
		List<String> properties = new ArrayList<>(Arrays.asList(bundleProperties));
		properties.add("server.port=0");
		properties.add("spring.http.clients.imperative.factory=" + connector);
		properties.add("spring.http.clients.reactive.connector=" + connector);
		return new SpringApplicationBuilder(PeerApplication.class).web(WebApplicationType.SERVLET)
			.properties(properties.toArray(new String[0]))
			.run();
	}

	private static String url(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return "https://localhost:" + port + "/peer";
	}

}
