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
package dev.mtls.sample.b;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mtls.boot.security.ClientIdentity;
import dev.mtls.boot.security.annotation.AllowClients;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The endpoints of sample service B.
 *
 * @author mtls-spring-boot authors
 */
@RestController
class SampleController {

	private final WebClient serviceA;

	private final String peerUrl;

	SampleController(WebClient.Builder builder, @Value("${sample.peer-url}") String peerUrl) {
		this.serviceA = builder.baseUrl(peerUrl).build();
		this.peerUrl = peerUrl;
	}

	/**
	 * Describe the caller: its identity as the mTLS handshake verified it. Open to every
	 * verified client.
	 * @param caller the caller
	 * @return the principal, SPIFFE ID, common name and serial, and the whole identity
	 */
	@GetMapping("/whoami")
	Map<String, Object> whoami(@AuthenticationPrincipal ClientIdentity caller) {
		Map<String, Object> whoami = new LinkedHashMap<>();
		whoami.put("principal", caller.name());
		whoami.put("spiffeId", caller.spiffeId());
		whoami.put("commonName", caller.commonName());
		whoami.put("serial", caller.serial());
		whoami.put("identity", caller);
		return whoami;
	}

	/**
	 * The business endpoint: only service A.
	 * @param caller the caller
	 * @return the inventory and who asked
	 */
	@GetMapping("/inventory")
	@AllowClients("spiffe://example.org/sample-service-a")
	Map<String, Object> inventory(@AuthenticationPrincipal ClientIdentity caller) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("inventory", List.of("widget: 7", "gadget: 3"));
		result.put("principal", caller.name());
		result.put("caller", caller);
		return result;
	}

	/**
	 * For operators: call service A over mTLS with a {@link WebClient}, once where A
	 * allows this service and once where it does not, and return what A answered.
	 * @param caller the operator
	 * @return both answers
	 */
	@GetMapping("/call-a")
	@OpsOnly
	Map<String, Object> callA(@AuthenticationPrincipal ClientIdentity caller) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("service", "sample-service-b");
		result.put("calledBy", caller.name());
		result.put("allowed", call("/orders"));
		result.put("denied", call("/call-b"));
		return result;
	}

	private Map<String, Object> call(String path) {
		return this.serviceA.get()
			.uri(path)
			.exchangeToMono((response) -> response.bodyToMono(String.class).defaultIfEmpty("").map((body) -> {
				Map<String, Object> call = new LinkedHashMap<>();
				call.put("request", "GET " + this.peerUrl + path);
				call.put("status", response.statusCode().value());
				call.put("body", body);
				return call;
			}))
			.block();
	}

}
