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
package dev.mtls.sample.a;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.mtls.boot.security.ClientIdentity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * The endpoints of sample service A.
 *
 * @author mtls-spring-boot authors
 */
@RestController
class SampleController {

	private final RestClient serviceB;

	private final String peerUrl;

	SampleController(RestClient.Builder builder, @Value("${sample.peer-url}") String peerUrl) {
		this.serviceB = builder.baseUrl(peerUrl).build();
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
	 * The business endpoint: only clients with the {@code orders:read} authority, which
	 * {@code mtls.authorization.clients} grants to service B only.
	 * @param caller the caller
	 * @return the orders and who asked
	 */
	@GetMapping("/orders")
	@PreAuthorize("hasAuthority('orders:read')")
	Map<String, Object> orders(@AuthenticationPrincipal ClientIdentity caller) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("orders", java.util.List.of("order-1", "order-2"));
		result.put("principal", caller.name());
		result.put("caller", caller);
		return result;
	}

	/**
	 * For operators: call service B over mTLS with a {@link RestClient}, once where B
	 * allows this service and once where it does not, and return what B answered.
	 * @param caller the operator
	 * @return both answers
	 */
	@GetMapping("/call-b")
	@OpsOnly
	Map<String, Object> callB(@AuthenticationPrincipal ClientIdentity caller) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("service", "sample-service-a");
		result.put("calledBy", caller.name());
		result.put("allowed", call("/inventory"));
		result.put("denied", call("/call-a"));
		return result;
	}

	private Map<String, Object> call(String path) {
		return this.serviceB.get().uri(path).exchange((request, response) -> {
			Map<String, Object> call = new LinkedHashMap<>();
			call.put("request", "GET " + this.peerUrl + path);
			call.put("status", response.getStatusCode().value());
			call.put("body", new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
			return call;
		});
	}

}
