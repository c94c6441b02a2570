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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the external tools of the benchmarks ({@code ab}, {@code openssl}, {@code jcmd}),
 * each bounded in time.
 *
 * @author mtls-spring-boot authors
 */
final class Commands {

	private Commands() {
	}

	static String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
		Path output = Files.createTempFile("mtls-bench-", ".out");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				throw new IllegalStateException("Timed out after " + timeout + ": " + String.join(" ", command));
			}
			String text = Files.readString(output, StandardCharsets.ISO_8859_1);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						"Failed (exit " + process.exitValue() + "): " + String.join(" ", command) + "\n" + text);
			}
			return text;
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	static boolean available(String tool) {
		try {
			return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
