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
package dev.mtls.boot.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Times the development PKI as an application sees it at startup: in a fresh JVM, the
 * first generation of a CA and a service certificate (including loading Bouncy Castle),
 * then a second service under the same CA, then a start that finds both on disk.
 *
 * <p>
 * Run: {@code benchmarks/run.sh devpki [runs]} (one fresh JVM per run).
 *
 * @author mtls-spring-boot authors
 */
public final class DevelopmentPkiTiming {

	private DevelopmentPkiTiming() {
	}

	public static void main(String[] args) throws Exception {
		Path directory = Files.createTempDirectory("mtls-dev-pki-");
		DevelopmentPki pki = new DevelopmentPki(directory, "example.org", Duration.ofDays(30), Clock.systemUTC());
		long first = time(() -> pki.ensure("orders"));
		long second = time(() -> pki.ensure("billing"));
		long existing = time(() -> pki.ensure("orders"));
		System.out.printf("development PKI: first CA and certificate %d ms, another service %d ms, existing %d ms%n",
				first, second, existing);
	}

	private static long time(Runnable action) {
		long start = System.nanoTime();
		action.run();
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

}
