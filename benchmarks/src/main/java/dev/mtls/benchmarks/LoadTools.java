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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The external clients that load the applications: ApacheBench ({@code ab}, presenting
 * the client certificate with {@code -E}) for requests, and {@code openssl s_time} for
 * resumed handshakes.
 *
 * @author mtls-spring-boot authors
 */
final class LoadTools {

	private static final Pattern RPS = Pattern.compile("Requests per second:\\s+([0-9.]+)");

	private static final Pattern COMPLETE = Pattern.compile("Complete requests:\\s+(\\d+)");

	private static final Pattern FAILED = Pattern.compile("Failed requests:\\s+(\\d+)");

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx responses:\\s+(\\d+)");

	private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+(\\d+)", Pattern.MULTILINE);

	private static final Pattern MARKS = Pattern.compile("^[r*]+$", Pattern.MULTILINE);

	private static final Pattern CONNECTIONS = Pattern.compile("(\\d+) connections in [0-9.]+s;");

	private final Path clientPem;

	private final Path clientCertificate;

	private final Path clientKey;

	LoadTools(Path clientPem, Path clientCertificate, Path clientKey) {
		this.clientPem = clientPem;
		this.clientCertificate = clientCertificate;
		this.clientKey = clientKey;
	}

	/**
	 * Run ApacheBench against {@code /hello}.
	 * @param port the server port
	 * @param keepAlive whether to keep connections alive (else one full handshake per
	 * request)
	 * @param concurrency concurrent connections
	 * @param seconds how long
	 * @param protocol {@code TLS1.3} or {@code TLS1.2}
	 * @param clientCertificate whether to present the client certificate
	 * @return the result
	 * @throws Exception on failure
	 */
	AbResult ab(int port, boolean keepAlive, int concurrency, int seconds, String protocol, boolean clientCertificate)
			throws Exception {
		List<String> command = new ArrayList<>(List.of("ab", "-q", "-r", "-l", "-c", Integer.toString(concurrency),
				"-t", Integer.toString(seconds), "-n", "50000000", "-f", protocol));
		if (keepAlive) {
			command.add("-k");
		}
		if (clientCertificate) {
			command.addAll(List.of("-E", this.clientPem.toString()));
		}
		command.add("https://127.0.0.1:" + port + "/hello");
		String output = Commands.run(command, Duration.ofSeconds(seconds + 60L));
		return new AbResult(number(RPS, output), (long) number(COMPLETE, output), (long) number(FAILED, output),
				NON_2XX.matcher(output).find() ? (long) number(NON_2XX, output) : 0, percentile(output, "50"),
				percentile(output, "99"));
	}

	/**
	 * Run {@code openssl s_time -reuse} in parallel processes and count resumed
	 * connections per second of wall time (each connection sends one request).
	 * @param port the server port
	 * @param processes parallel processes
	 * @param seconds how long
	 * @param protocol {@code -tls1_3} or {@code -tls1_2}
	 * @return resumed connections per second, and the share of connections that resumed
	 * @throws Exception on failure
	 */
	double[] resumed(int port, int processes, int seconds, String protocol) throws Exception {
		List<Process> running = new ArrayList<>();
		List<Path> outputs = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < processes; i++) {
			Path output = Files.createTempFile("mtls-stime-", ".out");
			outputs.add(output);
			running.add(new ProcessBuilder("openssl", "s_time", "-connect", "127.0.0.1:" + port, "-reuse", protocol,
					"-cert", this.clientCertificate.toString(), "-key", this.clientKey.toString(), "-www", "/hello",
					"-time", Integer.toString(seconds))
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start());
		}
		long connections = 0;
		long reused = 0;
		long all = 0;
		for (int i = 0; i < processes; i++) {
			if (!running.get(i).waitFor(seconds + 60L, TimeUnit.SECONDS)) {
				running.get(i).destroyForcibly();
				throw new IllegalStateException("openssl s_time timed out");
			}
			String text = Files.readString(outputs.get(i), StandardCharsets.ISO_8859_1);
			Files.deleteIfExists(outputs.get(i));
			Matcher matcher = CONNECTIONS.matcher(text);
			long counted = 0;
			while (matcher.find()) {
				counted = Long.parseLong(matcher.group(1));
			}
			connections += counted;
			Matcher marks = MARKS.matcher(text);
			while (marks.find()) {
				String line = marks.group();
				reused += line.chars().filter((c) -> c == 'r').count();
				all += line.length();
			}
		}
		double wall = (System.nanoTime() - start) / 1e9;
		return new double[] { connections / wall, (all > 0) ? (double) reused / all : 0 };
	}

	private static double number(Pattern pattern, String output) {
		Matcher matcher = pattern.matcher(output);
		if (!matcher.find()) {
			throw new IllegalStateException("Unexpected ab output (" + pattern + "):\n" + output);
		}
		return Double.parseDouble(matcher.group(1));
	}

	private static int percentile(String output, String which) {
		Matcher matcher = PERCENTILE.matcher(output);
		while (matcher.find()) {
			if (matcher.group(1).equals(which)) {
				return Integer.parseInt(matcher.group(2));
			}
		}
		return -1;
	}

	/**
	 * What ApacheBench reports.
	 *
	 * @param rps requests per second
	 * @param completed completed requests
	 * @param failed failed requests (connect, receive, length, exceptions)
	 * @param non2xx responses other than 2xx
	 * @param p50 median latency in ms
	 * @param p99 99th percentile latency in ms
	 */
	record AbResult(double rps, long completed, long failed, long non2xx, int p50, int p99) {

	}

}
