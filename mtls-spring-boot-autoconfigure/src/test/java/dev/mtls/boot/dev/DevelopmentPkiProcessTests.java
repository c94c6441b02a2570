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

import java.io.File;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.mtls.boot.ssl.PemFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that services started at the same time in separate processes share one
 * development authority (the file lock of {@link DevelopmentPki}).
 *
 * @author mtls-spring-boot authors
 */
class DevelopmentPkiProcessTests {

	@TempDir
	Path directory;

	@Test
	void ensureWhenProcessesStartTogetherThenOneAuthorityIssuesEveryService() throws Exception {
		List<Process> processes = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
					EnsureMain.class.getName(), this.directory.toString(), "service-" + i)
				.redirectErrorStream(true)
				.redirectOutput(this.directory.resolve("process-" + i + ".log").toFile())
				.start());
		}
		for (Process process : processes) {
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).isZero();
		}

		X509Certificate authority = PemFiles.readCertificates(this.directory.resolve("ca.crt")).get(0);
		for (int i = 0; i < 3; i++) {
			PemFiles.readCertificates(this.directory.resolve("service-" + i + File.separator + "tls.crt"))
				.get(0)
				.verify(authority.getPublicKey());
		}
	}

	/**
	 * Runs {@link DevelopmentPki#ensure(String)} in its own process.
	 */
	public static final class EnsureMain {

		private EnsureMain() {
		}

		public static void main(String[] args) {
			new DevelopmentPki(Path.of(args[0]), "example.org", Duration.ofDays(30), Clock.systemUTC()).ensure(args[1]);
		}

	}

}
