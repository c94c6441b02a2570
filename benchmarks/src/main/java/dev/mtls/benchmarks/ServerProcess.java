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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An application under benchmark, started as its own JVM with the same flags as the
 * others, its output in a log file.
 *
 * @author mtls-spring-boot authors
 */
final class ServerProcess implements AutoCloseable {

	static final List<String> JVM_FLAGS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC");

	private static final Pattern STARTED = Pattern
		.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

	private static final Pattern HEAP_USED = Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K");

	private static final Pattern DEV_PKI = Pattern.compile("\\(issued in (\\d+) ms\\)");

	private static final long CLOCK_TICKS_PER_SECOND = 100;

	private final String name;

	private final Process process;

	private final Path log;

	private final int port;

	private ServerProcess(String name, Process process, Path log, int port) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.port = port;
	}

	static ServerProcess start(Variant variant, Path work, int port) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(variant.java());
		command.addAll(JVM_FLAGS);
		command.addAll(variant.jvmArguments());
		command.add("-jar");
		command.add(variant.jar().toString());
		command.add("--server.port=" + port);
		command.addAll(variant.arguments());
		Path log = work.resolve(variant.name() + "-" + port + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ServerProcess server = new ServerProcess(variant.name(), process, log, port);
		server.awaitStarted(Duration.ofSeconds(120));
		return server;
	}

	private void awaitStarted(Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (started() != null) {
				return;
			}
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited while starting; see " + this.log);
			}
			sleep(100);
		}
		close();
		throw new IllegalStateException(this.name + " did not start within " + timeout + "; see " + this.log);
	}

	/**
	 * Return the startup time reported by Spring Boot and the JVM uptime at that moment.
	 * @return seconds until started, seconds since JVM start; or {@code null}
	 * @throws IOException on failure to read the log
	 */
	double[] started() throws IOException {
		Matcher matcher = STARTED.matcher(Files.readString(this.log));
		return matcher.find()
				? new double[] { Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)) } : null;
	}

	/**
	 * Return how long the development PKI took to issue the certificates, from its log
	 * line.
	 * @return the milliseconds, or NaN without development PKI
	 * @throws IOException on failure to read the log
	 */
	double developmentPkiMillis() throws IOException {
		Matcher matcher = DEV_PKI.matcher(Files.readString(this.log));
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
	}

	/**
	 * Return the CPU time (user and system) the process used so far, from
	 * {@code /proc/<pid>/stat}.
	 * @return the CPU time in microseconds
	 * @throws IOException on failure to read it
	 */
	long cpuMicros() throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(this.process.pid()), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		return ticks * 1_000_000 / CLOCK_TICKS_PER_SECOND;
	}

	/**
	 * Return the heap in use after a full collection, from {@code jcmd}.
	 * @param jcmd the jcmd executable of the process's JDK
	 * @return the used heap in MiB
	 * @throws Exception on failure
	 */
	double heapAfterGcMib(String jcmd) throws Exception {
		Commands.run(List.of(jcmd, Long.toString(this.process.pid()), "GC.run"), Duration.ofSeconds(60));
		String info = Commands.run(List.of(jcmd, Long.toString(this.process.pid()), "GC.heap_info"),
				Duration.ofSeconds(60));
		Matcher matcher = HEAP_USED.matcher(info);
		if (!matcher.find()) {
			throw new IllegalStateException("Unexpected GC.heap_info output: " + info);
		}
		return Long.parseLong(matcher.group(1)) / 1024.0;
	}

	int port() {
		return this.port;
	}

	Path log() {
		return this.log;
	}

	String name() {
		return this.name;
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
