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
package dev.mtls.boot.testapp;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal web application for integration tests: {@code GET /peer} describes the client
 * certificate of the current request.
 *
 * @author mtls-spring-boot authors
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PeerApplication.PeerController.class)
public class PeerApplication {

	@Bean
	RecordedEvents recordedEvents() {
		return new RecordedEvents();
	}

	@RestController
	static class PeerController {

		@GetMapping("/peer")
		Map<String, Object> peer(HttpServletRequest request) {
			Object attribute = request.getAttribute("jakarta.servlet.request.X509Certificate");
			Map<String, Object> peer = new LinkedHashMap<>();
			if (attribute instanceof X509Certificate[] chain && chain.length > 0) {
				peer.put("subject", chain[0].getSubjectX500Principal().getName());
				peer.put("serial", chain[0].getSerialNumber().toString(16));
			}
			else {
				peer.put("subject", "anonymous");
			}
			peer.put("secure", request.isSecure());
			return peer;
		}

	}

}
