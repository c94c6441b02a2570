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
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import dev.mtls.boot.ssl.MaterialSource;
import org.jspecify.annotations.Nullable;

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

	private final @Nullable Path scrapes;

	private int exitCode = 1;

	DemoRunner(RestClient.Builder builder, MaterialSource material, @Value("${demo.service-a-url}") String serviceA,
			@Value("${demo.service-b-url}") String serviceB, @Value("${demo.scrape-directory:}") String scrapes) {
		this.client = builder.build();
		this.material = material;
		this.serviceA = serviceA;
		this.serviceB = serviceB;
		this.scrapes = scrapes.isEmpty() ? null : Path.of(scrapes);
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		Console.heading("mTLS demo: sample-service-a <-> sample-service-b");
		Console.line("demo client identity", "spiffe://example.org/ops (development certificate)");
		checkReady("sample-service-a", this.serviceA);
		checkReady("sample-service-b", this.serviceB);
		boolean aToB = calls("A -> B", this.serviceA + "/call-b", "sample-service-a", "sample-service-b");
		boolean bToA = calls("B -> A", this.serviceB + "/call-a", "sample-service-b", "sample-service-a");
		boolean opsDenied = deniedDirectly(this.serviceA + "/orders");
		boolean refused = refusedWithoutCertificate(this.serviceA + "/whoami");
		Console.heading("What operators see: /actuator/health and mtls_* counters from /actuator/prometheus");
		Observability observability = new Observability(this.client, this.scrapes);
		boolean observedA = observability.show("sample-service-a", this.serviceA);
		boolean observedB = observability.show("sample-service-b", this.serviceB);
		this.exitCode = (aToB && bToA && opsDenied && refused && observedA && observedB) ? 0 : 1;
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

	private boolean calls(String label, String trigger, String caller, String callee) {
		long start = System.nanoTime();
		Map<String, Object> result = this.client.get().uri(trigger).retrieve().body(JSON);
		long millis = millisSince(start);
		String callerId = "spiffe://example.org/" + caller;
		Map<?, ?> allowed = (Map<?, ?>) result.get("allowed");
		Map<?, ?> denied = (Map<?, ?>) result.get("denied");
		Console.line(label + " allowed", "%s called %s: HTTP %s; %s saw caller %s".formatted(caller,
				allowed.get("request"), allowed.get("status"), callee, saw(String.valueOf(allowed.get("body")))));
		Console.line(label + " denied", "%s called %s: HTTP %s %s".formatted(caller, denied.get("request"),
				denied.get("status"), denied.get("body")));
		Console.line("", "(both calls, made by %s on request of %s, took %d ms)".formatted(caller,
				result.get("calledBy"), millis));
		return Integer.valueOf(200).equals(allowed.get("status"))
				&& String.valueOf(allowed.get("body")).contains("\"principal\":\"" + callerId + "\"")
				&& Integer.valueOf(403).equals(denied.get("status"))
				&& String.valueOf(denied.get("body")).contains("\"client\":\"" + callerId + "\"");
	}

	private boolean deniedDirectly(String url) {
		return this.client.get().uri(url).exchange((request, response) -> {
			String body = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			Console.line("ops -> A denied",
					"GET %s: HTTP %d %s".formatted(url, response.getStatusCode().value(), body));
			return response.getStatusCode().value() == 403;
		});
	}

	private static String saw(String body) {
		int start = body.indexOf("\"principal\":\"");
		if (start < 0) {
			return "nobody";
		}
		start += "\"principal\":\"".length();
		return body.substring(start, body.indexOf('"', start));
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
