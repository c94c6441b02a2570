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
package dev.mtls.sample.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import dev.mtls.sample.a.SampleServiceAApplication;
import dev.mtls.sample.b.SampleServiceBApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts both sample services on real Tomcat with development certificates and runs the
 * demo client against them: A calls B with a RestClient, B calls A with a WebClient, each
 * with one allowed and one denied call, a call without a client certificate is refused,
 * and the health and mTLS counters of both services are shown. The services' own
 * {@code application.yml} files are not on this classpath, so their settings are passed
 * as arguments.
 *
 * @author mtls-spring-boot authors
 */
@ExtendWith(OutputCaptureExtension.class)
class SamplesCallEachOtherIntegrationTests {

	@TempDir
	Path pki;

	@Test
	void samplesCallEachOtherOverMtls(CapturedOutput output) throws IOException {
		int portA = freePort();
		int portB = freePort();
		try (ConfigurableApplicationContext a = service(SampleServiceAApplication.class, "sample-service-a", portA,
				portB);
				ConfigurableApplicationContext b = service(SampleServiceBApplication.class, "sample-service-b", portB,
						portA)) {
			ConfigurableApplicationContext demo = SpringApplication.run(DemoClientApplication.class,
					"--mtls.dev.directory=" + this.pki, "--demo.service-a-url=https://localhost:" + portA,
					"--demo.service-b-url=https://localhost:" + portB);

			assertThat(SpringApplication.exit(demo)).isZero();
			assertThat(output)
				.contains("sample-service-a called GET https://localhost:" + portB
						+ "/inventory: HTTP 200; sample-service-b saw caller spiffe://example.org/sample-service-a")
				.contains("sample-service-a called GET https://localhost:" + portB + "/call-a: HTTP 403")
				.contains("sample-service-b called GET https://localhost:" + portA
						+ "/orders: HTTP 200; sample-service-a saw caller spiffe://example.org/sample-service-b")
				.contains("sample-service-b called GET https://localhost:" + portA + "/call-b: HTTP 403")
				.contains("\"client\":\"spiffe://example.org/sample-service-b\"")
				.contains("\"client\":\"spiffe://example.org/ops\"")
				.contains("refused at the TLS handshake")
				.contains("sample-service-a health:")
				.containsPattern(
						"mtls_peer_verifications_total\\{side=server,outcome=rejected,reason=no_certificate\\} [1-9]")
				.containsPattern(
						"mtls_authorization_decisions_total\\{outcome=denied,client=spiffe://example.org/sample-service-b\\} [1-9]")
				.containsPattern(
						"mtls_authorization_decisions_total\\{outcome=allowed,client=spiffe://example.org/ops\\} [1-9]")
				.contains("== demo OK ==");
		}
	}

	private ConfigurableApplicationContext service(Class<?> application, String name, int port, int peerPort) {
		return SpringApplication.run(application, "--spring.main.web-application-type=servlet",
				"--spring.application.name=" + name, "--server.port=" + port, "--mtls.bundle=service",
				"--mtls.dev.enabled=true", "--mtls.dev.directory=" + this.pki,
				"--sample.peer-url=https://localhost:" + peerPort,
				"--mtls.authorization.clients[spiffe://example.org/sample-service-b]=orders:read",
				"--mtls.authorization.management-clients=spiffe://example.org/ops",
				"--mtls.metrics.client-tags=spiffe://example.org/sample-service-a,spiffe://example.org/sample-service-b,spiffe://example.org/ops",
				"--management.endpoints.web.exposure.include=health,prometheus,mtls",
				"--management.endpoint.health.show-details=always");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
