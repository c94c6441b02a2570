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
package dev.mtls.boot.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.mtls.boot.security.IdentityRefusedException;
import dev.mtls.boot.ssl.MtlsBundleException;
import dev.mtls.boot.ssl.PeerRejection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@code docs/troubleshooting.md} explains every bounded reason the starter
 * reports: each {@link PeerRejection} and each {@link MtlsBundleException.Reason} under a
 * heading of its own, each {@link IdentityRefusedException.Reason}, and every property
 * that a startup check refuses.
 *
 * @author mtls-spring-boot authors
 */
class TroubleshootingDocumentationTests {

	private static final Path PAGE = Path.of("..", "docs", "troubleshooting.md");

	private static final Path SOURCES = Path.of("src", "main", "java", "dev", "mtls", "boot");

	private static final Pattern REFUSED_PROPERTY = Pattern
		.compile("InvalidConfigurationPropertyValueException\\(\"([a-z.-]+)\"|\"(server\\.ssl\\.[a-z-]+)\"");

	@Test
	void whenAPeerIsRejectedThenTheReasonHasAHeading() throws IOException {
		Set<String> headings = headingCode();

		assertThat(Arrays.stream(PeerRejection.values()).map(PeerRejection::tag)).allMatch(headings::contains,
				"has a heading in troubleshooting.md");
	}

	@Test
	void whenBundleMaterialIsRefusedThenTheReasonHasAHeading() throws IOException {
		Set<String> headings = headingCode();

		assertThat(Arrays.stream(MtlsBundleException.Reason.values()).map(TroubleshootingDocumentationTests::tag))
			.allMatch(headings::contains, "has a heading in troubleshooting.md");
	}

	@Test
	void whenAnIdentityIsRefusedThenTheReasonIsExplained() throws IOException {
		String page = Files.readString(PAGE);

		assertThat(Arrays.stream(IdentityRefusedException.Reason.values()).map(TroubleshootingDocumentationTests::tag))
			.allMatch((reason) -> page.contains("`" + reason + "`"), "is named in troubleshooting.md");
	}

	@Test
	void whenAStartupCheckRefusesAPropertyThenThePageNamesIt() throws IOException {
		String page = Files.readString(PAGE);
		Set<String> refused = new LinkedHashSet<>();
		List<Path> sources;
		try (Stream<Path> files = Files.walk(SOURCES)) {
			sources = files.filter((file) -> file.toString().endsWith(".java")).sorted().toList();
		}

		for (Path source : sources) {
			Matcher matcher = REFUSED_PROPERTY.matcher(Files.readString(source, StandardCharsets.UTF_8));
			while (matcher.find()) {
				refused.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
			}
		}

		assertThat(refused).contains("mtls.bundle", "server.ssl.enabled", "server.ssl.key-store",
				"mtls.identity.trust-domains");
		assertThat(refused).allMatch((property) -> page.contains("`" + property), "is named in troubleshooting.md");
	}

	private static Set<String> headingCode() throws IOException {
		Set<String> code = new LinkedHashSet<>();
		for (String line : Files.readAllLines(PAGE, StandardCharsets.UTF_8)) {
			if (line.startsWith("#")) {
				Matcher matcher = Pattern.compile("`([^`]+)`").matcher(line);
				while (matcher.find()) {
					code.add(matcher.group(1));
				}
			}
		}
		return code;
	}

	private static String tag(Enum<?> reason) {
		return reason.name().toLowerCase(Locale.ROOT);
	}

}
