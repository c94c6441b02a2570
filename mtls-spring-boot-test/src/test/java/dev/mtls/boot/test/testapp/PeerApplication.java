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
package dev.mtls.boot.test.testapp;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web application without mtls-spring-boot: Spring Boot's own Tomcat TLS requires
 * client certificates ({@code server.ssl.bundle} names the test PKI's bundle,
 * {@code server.ssl.client-auth=need}). {@code GET /peer} describes the client
 * certificate of the request; {@code GET /forbidden} always answers 403.
 *
 * @author mtls-spring-boot authors
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PeerApplication.PeerController.class)
public class PeerApplication {

	@RestController
	static class PeerController {

		@GetMapping("/peer")
		Map<String, Object> peer(HttpServletRequest request) throws CertificateParsingException {
			Map<String, Object> peer = new LinkedHashMap<>();
			if (request.getAttribute("jakarta.servlet.request.X509Certificate") instanceof X509Certificate[] chain
					&& chain.length > 0) {
				peer.put("subject", chain[0].getSubjectX500Principal().getName());
				peer.put("serial", chain[0].getSerialNumber().toString(16));
				peer.put("names", names(chain[0]));
				peer.put("chainLength", chain.length);
			}
			else {
				peer.put("subject", "anonymous");
			}
			peer.put("secure", request.isSecure());
			peer.put("scheme", request.getScheme());
			return peer;
		}

		@GetMapping("/forbidden")
		ResponseEntity<String> forbidden() {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).body("no");
		}

		private static List<String> names(X509Certificate certificate) throws CertificateParsingException {
			List<String> names = new ArrayList<>();
			Collection<List<?>> alternativeNames = certificate.getSubjectAlternativeNames();
			if (alternativeNames != null) {
				for (List<?> name : alternativeNames) {
					names.add(String.valueOf(name.get(1)));
				}
			}
			return names;
		}

	}

}
