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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import dev.mtls.boot.ssl.MaterialSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Runs the demo: waits for both services, makes A call B and B call A, and shows that a
 * call without a client certificate is refused at the handshake.
 *
 * @author mtls-spring-boot authors
 */
@Component
class DemoRunner implements ApplicationRunner, ExitCodeGenerator {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final RestClient client;

	private final MaterialSource material;

	private final String serviceA;

	private final String serviceB;

	private int exitCode = 1;

	DemoRunner(RestClient.Builder builder, MaterialSource material, @Value("${demo.service-a-url}") String serviceA,
			@Value("${demo.service-b-url}") String serviceB) {
		this.client = builder.build();
		this.material = material;
		this.serviceA = serviceA;
		this.serviceB = serviceB;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		Console.heading("mTLS demo: sample-service-a <-> sample-service-b");
		Console.line("demo client identity", "spiffe://example.org/ops (development certificate)");
		checkReady("sample-service-a", this.serviceA);
		checkReady("sample-service-b", this.serviceB);
		boolean aToB = call("A -> B", this.serviceA + "/call-b", "sample-service-b", "serviceBSaw",
				"spiffe://example.org/sample-service-a");
		boolean bToA = call("B -> A", this.serviceB + "/call-a", "sample-service-a", "serviceASaw",
				"spiffe://example.org/sample-service-b");
		boolean refused = refusedWithoutCertificate(this.serviceA + "/whoami");
		this.exitCode = (aToB && bToA && refused) ? 0 : 1;
		Console.heading((this.exitCode == 0) ? "demo OK" : "demo FAILED");
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	private void checkReady(String name, String url) {
		long start = System.nanoTime();
		Map<String, Object> whoami = this.client.get().uri(url + "/whoami").retrieve().body(JSON);
		Console.line(name, "%s answers over mTLS and sees us as %s [%d ms]".formatted(url, whoami.get("principal"),
				millisSince(start)));
	}

	private boolean call(String label, String url, String callee, String sawKey, String expectedCaller) {
		long start = System.nanoTime();
		Map<String, Object> result = this.client.get().uri(url).retrieve().body(JSON);
		long millis = millisSince(start);
		Object saw = result.get(sawKey);
		String caller = (saw instanceof Map<?, ?> map) ? String.valueOf(map.get("principal")) : "nothing";
		String serial = (saw instanceof Map<?, ?> map) ? String.valueOf(map.get("serial")) : "?";
		Console.line(label, "%s called %s over mTLS; %s saw caller %s (serial %s) [%d ms]"
			.formatted(result.get("service"), callee, callee, caller, serial, millis));
		return expectedCaller.equals(caller);
	}

	private boolean refusedWithoutCertificate(String url) throws GeneralSecurityException, IOException {
		HttpClient anonymous = HttpClient.newBuilder()
			.sslContext(trustOnly(this.material.current().trustAnchors()))
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		try {
			HttpResponse<String> response = anonymous.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			Console.line("no client cert -> A", "NOT refused: HTTP " + response.statusCode());
			return false;
		}
		catch (IOException ex) {
			Console.line("no client cert -> A",
					"refused at the TLS handshake (%s: %s)".formatted(ex.getClass().getSimpleName(), ex.getMessage()));
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static SSLContext trustOnly(List<X509Certificate> anchors) throws GeneralSecurityException, IOException {
		KeyStore trustStore = KeyStore.getInstance("PKCS12");
		trustStore.load(null, null);
		for (int i = 0; i < anchors.size(); i++) {
			trustStore.setCertificateEntry("anchor-" + i, anchors.get(i));
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trustStore);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}

	private static long millisSince(long start) {
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

}
