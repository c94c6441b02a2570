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
package dev.mtls.boot.ssl;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mtls.boot.test.client.TlsTestClient;
import dev.mtls.boot.test.pki.CertificateAuthority;
import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.testapp.PeerApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Helpers for reload tests: start an application on given files, and observe which
 * certificate it presents as a server and as a client.
 *
 * @author mtls-spring-boot authors
 */
final class Rotations {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	/**
	 * The authority of the reload tests.
	 */
	static final CertificateAuthority CA = CertificateAuthority.root("Test Root CA");

	private Rotations() {
	}

	static ConfigurableApplicationContext start(String[] bundleProperties, String... extra) {
		List<String> properties = new ArrayList<>(Arrays.asList(bundleProperties));
		properties.add("server.port=0");
		properties.addAll(Arrays.asList(extra));
		Map<String, Object> map = new LinkedHashMap<>();
		for (String property : properties) {
			map.put(property.substring(0, property.indexOf('=')), property.substring(property.indexOf('=') + 1));
		}
		return new SpringApplicationBuilder(PeerApplication.class).web(WebApplicationType.SERVLET)
			.properties(map)
			.run();
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * Return the serial of the certificate the server presents on a new handshake.
	 */
	static BigInteger serverSerial(ConfigurableApplicationContext context, TlsTestClient client) throws Exception {
		return client.handshake("localhost", port(context)).getSerialNumber();
	}

	/**
	 * Return the serial of the certificate the application's own RestClient presents, as
	 * its server sees it on a new connection.
	 */
	static String clientSerialSeenByServer(ConfigurableApplicationContext context) {
		Map<String, Object> peer = context.getBean(RestClient.Builder.class)
			.build()
			.get()
			.uri("https://localhost:" + port(context) + "/peer")
			.retrieve()
			.body(JSON);
		return String.valueOf(peer.get("serial"));
	}

	/**
	 * Return the serial of the certificate the application's own WebClient presents, as
	 * its server sees it on a new connection.
	 */
	static String webClientSerialSeenByServer(ConfigurableApplicationContext context) {
		Map<String, Object> peer = context.getBean(WebClient.Builder.class)
			.build()
			.get()
			.uri("https://localhost:" + port(context) + "/peer")
			.retrieve()
			.bodyToMono(JSON)
			.block();
		return String.valueOf(peer.get("serial"));
	}

	static String hex(Credential credential) {
		return credential.serial().toString(16);
	}

}
