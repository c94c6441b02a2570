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
package dev.mtls.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import org.springframework.core.log.LogMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debug and trace messages are only built when that level is on. With Spring Framework 7,
 * Commons Logging 1.3 over SLF4J renders a lazy {@link LogMessage} even when the level is
 * off (the cost behind Spring Security's {@code X509AuthenticationFilter} rendering the
 * whole certificate on every request), so every such call must be guarded.
 *
 * @author mtls-spring-boot authors
 */
class LoggingTests {

	private static final Pattern LAZY_MESSAGE = Pattern.compile("\\.(debug|trace)\\(\\s*LogMessage");

	@Test
	void commonsLoggingRendersLazyMessagesEvenWhenTheLevelIsOff() {
		Log log = LogFactory.getLog("dev.mtls.boot.LoggingTests.off");
		boolean[] rendered = { false };
		log.trace(LogMessage.of(() -> {
			rendered[0] = true;
			return "rendered";
		}));
		assertThat(log.isTraceEnabled()).isFalse();
		assertThat(rendered[0]).as("if this fails, Commons Logging checks the level again and the guards can go")
			.isTrue();
	}

	@Test
	void everyDebugOrTraceLogMessageIsGuardedByItsLevel() throws IOException {
		List<String> unguarded = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
				String text = Files.readString(source);
				Matcher matcher = LAZY_MESSAGE.matcher(text);
				while (matcher.find()) {
					String before = text.substring(Math.max(0, matcher.start() - 200), matcher.start());
					String level = Character.toUpperCase(matcher.group(1).charAt(0)) + matcher.group(1).substring(1);
					if (!before.contains("is" + level + "Enabled()")) {
						unguarded.add(source + " at offset " + matcher.start());
					}
				}
			}
		}
		assertThat(unguarded).isEmpty();
	}

}
