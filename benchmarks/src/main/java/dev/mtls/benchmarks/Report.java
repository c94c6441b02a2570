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

import java.util.List;

/**
 * Renders the results of the load benchmarks as Markdown tables.
 *
 * @author mtls-spring-boot authors
 */
final class Report {

	private final Results results;

	private final int rounds;

	private final int seconds;

	private final StringBuilder out = new StringBuilder();

	Report(Results results, int rounds, int seconds) {
		this.results = results;
		this.rounds = rounds;
		this.seconds = seconds;
	}

	String render(List<Variant> variants, RotationBenchmark.Outcome rotation) {
		line("Each figure: median over %d rounds of %d s (min–max); ratios are medians of per-round ratios; startup over %d starts."
			.formatted(this.rounds, this.seconds, LoadBenchmarks.STARTUP_ROUNDS));
		line("");
		keepAlive(variants);
		handshakes(variants);
		resumed(variants);
		rotation(rotation);
		startup();
		return this.out.toString();
	}

	private void keepAlive(List<Variant> variants) {
		String test = LoadBenchmarks.KEEP_ALIVE;
		line("### Keep-alive requests (`ab -k -c 16`, TLS 1.3)");
		line("");
		line("| Variant | Requests/s | vs one-way TLS | vs baseline | Server CPU per request (µs) | p50 (ms) | p99 (ms) | Failed |");
		line("|---|---|---|---|---|---|---|---|");
		for (Variant variant : variants) {
			String name = variant.name();
			line("| %s | %s | %s | %s | %s | %s | %s | %s |".formatted(name, this.results.spread(test, name, 0, "%.0f"),
					ratio(test, name, "one-way TLS"), ratio(test, name, baselineOf(name)),
					Results.format(this.results.median(test, name, 1), "%.0f"),
					Results.format(this.results.median(test, name, 2), "%.0f"),
					Results.format(this.results.median(test, name, 3), "%.0f"), failed(test, name)));
		}
		line("");
	}

	private void handshakes(List<Variant> variants) {
		line("### New full handshakes (`ab -c 8`, a new connection for every request, no resumption)");
		line("");
		line("| Variant | TLS 1.3 handshakes/s | vs baseline | CPU per handshake (µs) | TLS 1.2 handshakes/s | vs baseline | CPU per handshake (µs) | Failed |");
		line("|---|---|---|---|---|---|---|---|");
		for (Variant variant : variants) {
			String name = variant.name();
			String baseline = baselineOf(name);
			line("| %s | %s | %s | %s | %s | %s | %s | %s |".formatted(name,
					this.results.spread(LoadBenchmarks.FULL_13, name, 0, "%.0f"),
					ratio(LoadBenchmarks.FULL_13, name, baseline),
					Results.format(this.results.median(LoadBenchmarks.FULL_13, name, 1), "%.0f"),
					this.results.spread(LoadBenchmarks.FULL_12, name, 0, "%.0f"),
					ratio(LoadBenchmarks.FULL_12, name, baseline),
					Results.format(this.results.median(LoadBenchmarks.FULL_12, name, 1), "%.0f"),
					sum(failed(LoadBenchmarks.FULL_13, name), failed(LoadBenchmarks.FULL_12, name))));
		}
		line("");
	}

	private void resumed(List<Variant> variants) {
		line("### Resumed handshakes (`openssl s_time -reuse`, 4 processes, one request per connection)");
		line("");
		line("| Variant | TLS 1.3 connections/s | resumed | vs baseline | TLS 1.2 connections/s | resumed | vs baseline |");
		line("|---|---|---|---|---|---|---|");
		for (Variant variant : variants) {
			String name = variant.name();
			if (this.results.get(LoadBenchmarks.RESUMED_13, name).isEmpty()) {
				continue;
			}
			String baseline = baselineOf(name);
			line("| %s | %s | %s | %s | %s | %s | %s |".formatted(name,
					this.results.spread(LoadBenchmarks.RESUMED_13, name, 0, "%.0f"),
					Results.format(100 * this.results.median(LoadBenchmarks.RESUMED_13, name, 1), "%.0f%%"),
					ratio(LoadBenchmarks.RESUMED_13, name, baseline),
					this.results.spread(LoadBenchmarks.RESUMED_12, name, 0, "%.0f"),
					Results.format(100 * this.results.median(LoadBenchmarks.RESUMED_12, name, 1), "%.0f%%"),
					ratio(LoadBenchmarks.RESUMED_12, name, baseline)));
		}
		line("");
	}

	private void rotation(RotationBenchmark.Outcome outcome) {
		line("### Requests during rotation (starter, certificate renamed over every second, TLS 1.3)");
		line("");
		line("| Load | Without rotation (req/s) | Rotation every second (req/s) | Ratio | Failed or non-2xx |");
		line("|---|---|---|---|---|");
		for (String test : outcome.results.variants("keep-alive").isEmpty() ? List.<String>of()
				: List.of("keep-alive", "new connection per request")) {
			line("| %s | %s | %s | %s | %s |".formatted(test,
					outcome.results.spread(test, "without rotation", 0, "%.0f"),
					outcome.results.spread(test, "rotation every second", 0, "%.0f"),
					Results.format(outcome.results.ratio(test, "rotation every second", "without rotation", 0),
							"%.2f×"),
					"%.0f".formatted(outcome.results.get(test, "rotation every second")
						.stream()
						.mapToDouble((row) -> row[1])
						.sum()
							+ outcome.results.get(test, "without rotation")
								.stream()
								.mapToDouble((row) -> row[1])
								.sum())));
		}
		line("");
		line("Reloads during the rotating runs: %d.".formatted(outcome.reloads));
		line("");
	}

	private void startup() {
		String test = LoadBenchmarks.STARTUP;
		line("### Startup and memory");
		line("");
		line("| Variant | Started in (s, Spring Boot) | JVM uptime when started (s) | Heap after startup and a full GC (MiB) |");
		line("|---|---|---|---|");
		for (String name : this.results.variants(test)) {
			line("| %s | %s | %s | %s |".formatted(name, this.results.spread(test, name, 0, "%.2f"),
					this.results.spread(test, name, 1, "%.2f"), this.results.spread(test, name, 2, "%.1f")));
		}
		double overhead = this.results.median(test, "starter", 1) - this.results.median(test, "baseline", 1);
		double devPki = this.results.median(test, "starter, development PKI", 3) / 1000;
		line("");
		line("Starter startup overhead against the baseline (median JVM uptime when started): %s ms; development PKI (CA and service certificate) issued at startup in %s ms (median, from its log line)."
			.formatted(Results.format(overhead * 1000, "%.0f"), Results.format(devPki * 1000, "%.0f")));
		line("");
	}

	private String ratio(String test, String name, String reference) {
		if (name.equals(reference) || this.results.get(test, reference).isEmpty()) {
			return "";
		}
		return Results.format(this.results.ratio(test, name, reference, 0), "%.2f×");
	}

	private String failed(String test, String name) {
		return "%.0f".formatted(this.results.get(test, name).stream().mapToDouble((row) -> row[4]).sum());
	}

	private static String sum(String a, String b) {
		return "%.0f".formatted(Double.parseDouble(a) + Double.parseDouble(b));
	}

	private static String baselineOf(String name) {
		return name.replace("starter", "baseline");
	}

	private void line(String text) {
		this.out.append(text).append('\n');
	}

}
