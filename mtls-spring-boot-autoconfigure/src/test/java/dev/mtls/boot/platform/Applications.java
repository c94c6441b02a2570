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
package dev.mtls.boot.platform;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.mtls.boot.test.client.TlsTestClient;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * Helpers for the platform tests: start an application on the files a platform wrote, and
 * observe which certificate it presents as a server and as a client.
 *
 * @author mtls-spring-boot authors
 */
final class Applications {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private Applications() {
	}

	/**
	 * Start a servlet application on a random port.
	 * @param properties the properties
	 * @param sources the application class and further components
	 * @return the running application
	 */
	static ConfigurableApplicationContext start(Map<String, String> properties, Class<?>... sources) {
		Map<String, Object> all = new LinkedHashMap<>(properties);
		all.put("server.port", "0");
		return new SpringApplicationBuilder(sources).web(WebApplicationType.SERVLET).properties(all).run();
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	static String url(ConfigurableApplicationContext context, String path) {
		return "https://localhost:" + port(context) + path;
	}

	/**
	 * Return the serial of the certificate the server presents on a new handshake (no
	 * session resumption).
	 * @param context the application
	 * @param client a client that trusts the server
	 * @return the serial
	 * @throws Exception on failure
	 */
	static BigInteger serverSerial(ConfigurableApplicationContext context, TlsTestClient client) throws Exception {
		return client.withNewSessions().handshake("localhost", port(context)).getSerialNumber();
	}

	/**
	 * Call the application itself with its own auto-configured {@link RestClient}, so
	 * that the answer tells what the server saw of the application's client certificate.
	 * @param context the application
	 * @param path the path, for example {@code /peer}
	 * @return the JSON answer
	 */
	static Map<String, Object> callItself(ConfigurableApplicationContext context, String path) {
		return context.getBean(RestClient.Builder.class).build().get().uri(url(context, path)).retrieve().body(JSON);
	}

}
