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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * Shows what operators see after the demo's calls: each service's health and the mTLS
 * counters from its Prometheus scrape (non-zero series only).
 *
 * @author mtls-spring-boot authors
 */
final class Observability {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final Pattern SERIES = Pattern.compile(
			"^(mtls_peer_verifications_total|mtls_authorization_decisions_total)\\{([^}]*)\\} ([0-9.E+-]+)$",
			Pattern.MULTILINE);

	private static final Pattern TAG = Pattern.compile("(\\w+)=\"([^\"]*)\"");

	private static final List<String> SHOWN_TAGS = List.of("side", "outcome", "reason", "client");

	private final RestClient client;

	private final @Nullable Path scrapes;

	Observability(RestClient client, @Nullable Path scrapes) {
		this.client = client;
		this.scrapes = scrapes;
	}

	/**
	 * Print the health and the non-zero mTLS counters of one service.
	 * @param name the service name
	 * @param url the service's base URL
	 * @return whether the service showed accepted verifications and both allowed and
	 * denied decisions
	 */
	boolean show(String name, String url) {
		Map<String, Object> health = this.client.get().uri(url + "/actuator/health").retrieve().body(JSON);
		Map<?, ?> mtls = (Map<?, ?>) ((Map<?, ?>) health.get("components")).get("mtls");
		Map<?, ?> soonest = (Map<?, ?>) ((Map<?, ?>) mtls.get("details")).get("soonestExpiry");
		Console.line(name + " health", "%s (mtls: %s, soonest expiry %s: %s)".formatted(health.get("status"),
				mtls.get("status"), soonest.get("role"), soonest.get("notAfter")));
		String scrape = this.client.get().uri(url + "/actuator/prometheus").retrieve().body(String.class);
		save(name, scrape);
		boolean accepted = false;
		boolean allowed = false;
		boolean denied = false;
		Matcher series = SERIES.matcher(scrape);
		while (series.find()) {
			double value = Double.parseDouble(series.group(3));
			if (value == 0) {
				continue;
			}
			String tags = tags(series.group(2));
			Console.line("", "%s{%s} %.0f".formatted(series.group(1), tags, value));
			accepted |= tags.contains("outcome=accepted");
			allowed |= tags.contains("outcome=allowed");
			denied |= tags.contains("outcome=denied");
		}
		return accepted && allowed && denied;
	}

	private void save(String name, String scrape) {
		if (this.scrapes == null) {
			return;
		}
		try {
			Path file = Files.createDirectories(this.scrapes).resolve(name + ".prom");
			Files.writeString(file, scrape);
			Console.line("", "(full scrape saved to %s)".formatted(file));
		}
		catch (IOException ex) {
			Console.line("", "(could not save the scrape: %s)".formatted(ex.getMessage()));
		}
	}

	private static String tags(String text) {
		Map<String, String> values = new HashMap<>();
		Matcher tag = TAG.matcher(text);
		while (tag.find()) {
			values.put(tag.group(1), tag.group(2));
		}
		StringBuilder tags = new StringBuilder();
		for (String name : SHOWN_TAGS) {
			if (values.containsKey(name)) {
				tags.append(tags.isEmpty() ? "" : ",").append(name).append('=').append(values.get(name));
			}
		}
		return tags.toString();
	}

}
