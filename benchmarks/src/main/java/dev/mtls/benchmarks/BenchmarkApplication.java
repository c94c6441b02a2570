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
package dev.mtls.benchmarks;

import java.security.cert.X509Certificate;
import java.util.Map;

import dev.mtls.boot.security.ClientIdentity;
import dev.mtls.boot.security.annotation.AllowClients;
import jakarta.servlet.http.HttpServletRequest;

import dev.mtls.boot.ssl.MaterialReloadedEvent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application under benchmark: mTLS with identity, authority mapping and an
 * {@code @AllowClients} rule on the measured endpoint.
 *
 * @author mtls-spring-boot authors
 */
@SpringBootApplication
public class BenchmarkApplication {

	static volatile long lastReload;

	public static void main(String[] args) {
		SpringApplication.run(BenchmarkApplication.class, args);
	}

	@EventListener
	void reloaded(MaterialReloadedEvent event) {
		lastReload = System.nanoTime();
	}

	@RestController
	static class Endpoints {

		@GetMapping("/hello")
		@AllowClients("spiffe://example.org/**")
		String hello(@AuthenticationPrincipal ClientIdentity caller) {
			return "hello " + caller.name();
		}

		@GetMapping("/peer")
		Map<String, Object> peer(HttpServletRequest request) {
			X509Certificate[] chain = (X509Certificate[]) request
				.getAttribute("jakarta.servlet.request.X509Certificate");
			return Map.of("serial", chain[0].getSerialNumber().toString(16));
		}

	}

}
