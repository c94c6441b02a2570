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

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
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

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final RestClient serviceB;

	SampleController(RestClient.Builder builder, @Value("${sample.peer-url}") String peerUrl) {
		this.serviceB = builder.baseUrl(peerUrl).build();
	}

	/**
	 * Describe the caller's certificate.
	 * @param request the request
	 * @return the caller
	 */
	@GetMapping("/whoami")
	Caller whoami(HttpServletRequest request) {
		return Caller.of(request);
	}

	/**
	 * Call service B over mTLS (with a {@link RestClient}) and return what B saw.
	 * @param request the request
	 * @return who called, and what service B saw of this service
	 */
	@GetMapping("/call-b")
	Map<String, Object> callB(HttpServletRequest request) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("service", "sample-service-a");
		result.put("calledBy", Caller.of(request).principal());
		result.put("serviceBSaw", this.serviceB.get().uri("/whoami").retrieve().body(JSON));
		return result;
	}

}
