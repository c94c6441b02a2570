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
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.mtls.boot.docs.MarkdownTables.Row;
import dev.mtls.boot.docs.MarkdownTables.Table;
import dev.mtls.boot.security.MtlsAuthenticationFilter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@code docs/reference.md} stays complete: every property in the starter's
 * configuration metadata, every meter, public annotation, event and listener interface,
 * and every bean the user can replace is documented there, and nothing is documented that
 * does not exist. Also checks that every property table in the README and in
 * {@code docs/} states the default that the metadata (and the property class) has.
 *
 * @author mtls-spring-boot authors
 */
class ReferenceDocumentationTests {

	private static final Path REFERENCE = Path.of("..", "docs", "reference.md");

	private static final Path DOCS = Path.of("..", "docs");

	private static final Path README = Path.of("..", "README.md");

	private static final List<Path> SOURCES = List.of(Path.of("src", "main", "java"),
			Path.of("..", "mtls-spring-boot-test", "src", "main", "java"));

	private static final Path METERS = Path.of("src", "main", "java", "dev", "mtls", "boot", "metrics",
			"MtlsMeters.java");

	private static final Pattern METER_NAME = Pattern.compile("builder\\(\\s*\"(mtls\\.[a-z.]+)\"");

	private static final Pattern MTLS_NAME = Pattern.compile("(?<![\\w.$/-])mtls(?:\\.[a-z0-9-]++)++(?![\\w(/])");

	@Test
	void whenTheStarterHasAPropertyThenTheReferenceDocumentsIt() throws IOException {
		StarterMetadata metadata = StarterMetadata.load();

		Set<String> documented = documentedProperties(MarkdownTables.of(REFERENCE)).keySet();

		assertThat(metadata.properties().keySet()).allMatch(
				(name) -> name.startsWith("mtls.") || name.startsWith("management.endpoint.mtls."),
				"is a property of the starter");
		assertThat(documented).containsAll(metadata.properties().keySet());
	}

	@Test
	void whenTheReferenceDocumentsAnMtlsPropertyThenItExists() throws IOException {
		StarterMetadata metadata = StarterMetadata.load();

		Set<String> documented = documentedProperties(MarkdownTables.of(REFERENCE)).keySet();

		assertThat(documented.stream().filter((name) -> name.startsWith("mtls.")))
			.allMatch(metadata.properties()::containsKey, "is in the configuration metadata");
	}

	@Test
	void whenAPropertyTakesEnumValuesThenTheReferenceNamesEveryValue() throws IOException {
		StarterMetadata metadata = StarterMetadata.load();
		Map<String, Row> documented = documentedProperties(MarkdownTables.of(REFERENCE));
		List<String> problems = new ArrayList<>();

		metadata.properties().forEach((name, property) -> {
			Class<?> type = enumType(String.valueOf(property.get("type")));
			Row row = documented.get(name);
			if (type != null && row != null) {
				String text = String.join(" ", row.cells());
				for (Object constant : type.getEnumConstants()) {
					String value = ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-');
					if (!text.contains("`" + value + "`")) {
						problems.add(name + ": value '" + value + "' not named");
					}
				}
			}
		});

		assertThat(problems).isEmpty();
	}

	@Test
	void whenAPageStatesADefaultThenItIsTheDefaultInTheMetadata() throws IOException {
		StarterMetadata metadata = StarterMetadata.load();
		List<String> problems = new ArrayList<>();
		int checked = 0;

		for (Path page : pages()) {
			for (Table table : MarkdownTables.of(page)) {
				int defaults = table.column("Default");
				if (!isPropertyTable(table) || defaults < 0) {
					continue;
				}
				for (Row row : table.rows()) {
					String name = MarkdownTables.code(row.cell(0));
					Map<String, Object> property = (name != null) ? metadata.properties().get(name) : null;
					if (property == null) {
						if (name != null && name.startsWith("mtls.")) {
							problems.add(page + ":" + row.line() + ": unknown property " + name);
						}
						continue;
					}
					checked++;
					Object expected = property.get("defaultValue");
					String stated = row.cell(defaults).replace("`", "").trim();
					if (expected != null && !stated.equals(text(expected))) {
						problems.add("%s:%d: %s default '%s', but the metadata says '%s'".formatted(page, row.line(),
								name, stated, text(expected)));
					}
				}
			}
		}

		assertThat(checked).isGreaterThan(40);
		assertThat(problems).isEmpty();
	}

	@Test
	void whenTheMetadataStatesADefaultThenThePropertyClassHasIt() throws Exception {
		StarterMetadata metadata = StarterMetadata.load();
		List<String> problems = new ArrayList<>();
		int checked = 0;

		for (Map.Entry<String, Map<String, Object>> entry : metadata.properties().entrySet()) {
			Object expected = entry.getValue().get("defaultValue");
			Class<?> source = ClassUtils.forName(String.valueOf(entry.getValue().get("sourceType")), null);
			ConfigurationProperties annotation = source.getAnnotation(ConfigurationProperties.class);
			if (expected == null || annotation == null) {
				continue;
			}
			checked++;
			String prefix = annotation.value();
			String property = toCamelCase(entry.getKey().substring(prefix.length() + 1));
			Object fresh = source.getDeclaredConstructor().newInstance();
			Object bound = new Binder(new MapConfigurationPropertySource(Map.of(entry.getKey(), text(expected))))
				.bind(prefix, Bindable.ofInstance(source.getDeclaredConstructor().newInstance()))
				.get();
			Object actual = new BeanWrapperImpl(fresh).getPropertyValue(property);
			Object stated = new BeanWrapperImpl(bound).getPropertyValue(property);
			if (!String.valueOf(actual).equals(String.valueOf(stated))) {
				problems.add("%s: metadata default '%s' binds to %s, but the class has %s".formatted(entry.getKey(),
						text(expected), stated, actual));
			}
		}

		assertThat(checked).isGreaterThan(20);
		assertThat(problems).isEmpty();
	}

	@Test
	void whenTheStarterHasAPublicAnnotationEventOrListenerThenTheReferenceNamesIt() throws Exception {
		String reference = Files.readString(REFERENCE);
		List<String> missing = new ArrayList<>();
		int found = 0;

		for (Class<?> type : publicTypes()) {
			boolean listed = type.isAnnotation() || ApplicationEvent.class.isAssignableFrom(type)
					|| (type.isInterface() && type.getSimpleName().endsWith("Listener"));
			if (listed) {
				found++;
				if (!reference.contains("`@" + type.getSimpleName()) && !reference.contains("`" + type.getName())
						&& !reference.contains("`" + type.getSimpleName())) {
					missing.add(type.getName());
				}
			}
		}

		assertThat(found).isGreaterThanOrEqualTo(7);
		assertThat(missing).isEmpty();
	}

	@Test
	void whenAnAutoConfiguredBeanCanBeReplacedThenTheReferenceListsIt() throws Exception {
		Map<String, Class<?>> replaceable = replaceableBeans();
		List<String> problems = new ArrayList<>();
		Set<String> listed = new LinkedHashSet<>();

		for (Table table : MarkdownTables.of(REFERENCE)) {
			if (table.header().get(0).equals("Bean") && table.column("Type") > 0) {
				for (Row row : table.rows()) {
					String name = MarkdownTables.code(row.cell(0));
					listed.add(name);
					Class<?> type = replaceable.get(name);
					if (type == null) {
						problems.add("listed, but no auto-configured @ConditionalOnMissingBean bean: " + name);
					}
					else if (!row.cell(table.column("Type")).contains(type.getSimpleName())) {
						problems.add(name + ": type is " + type.getSimpleName());
					}
				}
			}
		}

		replaceable.keySet()
			.stream()
			.filter((name) -> !listed.contains(name))
			.forEach((name) -> problems.add("not listed: " + name));
		assertThat(replaceable).hasSizeGreaterThan(10);
		assertThat(problems).isEmpty();
	}

	@Test
	void whenTheStarterRegistersAMeterThenTheReferenceListsIt() throws IOException {
		Set<String> registered = new LinkedHashSet<>();
		Matcher matcher = METER_NAME.matcher(Files.readString(METERS));
		while (matcher.find()) {
			registered.add(matcher.group(1));
		}

		Set<String> listed = new LinkedHashSet<>();
		for (Table table : MarkdownTables.of(REFERENCE)) {
			if (table.header().get(0).equals("Meter")) {
				table.rows().forEach((row) -> listed.add(MarkdownTables.code(row.cell(0))));
			}
		}

		assertThat(registered).hasSizeGreaterThanOrEqualTo(6);
		assertThat(listed).containsExactlyInAnyOrderElementsOf(registered);
	}

	@Test
	void whenAPageNamesSomethingUnderMtlsThenItExists() throws IOException {
		StarterMetadata metadata = StarterMetadata.load();
		Set<String> known = new LinkedHashSet<>(metadata.properties().keySet());
		known.addAll(metadata.groups());
		Matcher meters = METER_NAME.matcher(Files.readString(METERS));
		while (meters.find()) {
			known.add(meters.group(1));
		}
		known.add(MtlsAuthenticationFilter.MDC_KEY);
		List<String> problems = new ArrayList<>();

		for (Path page : pages()) {
			Matcher names = MTLS_NAME.matcher(Files.readString(page));
			while (names.find()) {
				if (!known.contains(names.group()) && !isMapEntry(names.group(), metadata)) {
					problems.add(page + ": " + names.group());
				}
			}
		}

		assertThat(problems).isEmpty();
	}

	private static boolean isMapEntry(String name, StarterMetadata metadata) {
		return metadata.properties()
			.entrySet()
			.stream()
			.anyMatch((entry) -> String.valueOf(entry.getValue().get("type")).startsWith("java.util.Map")
					&& name.startsWith(entry.getKey() + "."));
	}

	private static Map<String, Row> documentedProperties(List<Table> tables) {
		Map<String, Row> documented = new LinkedHashMap<>();
		for (Table table : tables) {
			if (isPropertyTable(table)) {
				for (Row row : table.rows()) {
					String name = MarkdownTables.code(row.cell(0));
					if (name != null) {
						documented.put(name, row);
					}
				}
			}
		}
		return documented;
	}

	private static boolean isPropertyTable(Table table) {
		return table.header().get(0).equals("Property");
	}

	private static String text(Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
		}
		return String.valueOf(value);
	}

	private static String toCamelCase(String kebab) {
		StringBuilder camel = new StringBuilder();
		for (String part : kebab.split("-")) {
			camel.append(camel.isEmpty() ? part : StringUtils.capitalize(part));
		}
		return camel.toString();
	}

	private static Class<?> enumType(String type) {
		String element = type.startsWith("java.util.List<") ? type.substring(15, type.length() - 1) : type;
		if (!element.startsWith("dev.mtls.boot.")) {
			return null;
		}
		try {
			Class<?> candidate = ClassUtils.forName(element, null);
			return candidate.isEnum() ? candidate : null;
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

	private static List<Path> pages() throws IOException {
		List<Path> pages = new ArrayList<>();
		pages.add(README);
		try (Stream<Path> files = Files.walk(DOCS)) {
			files.filter((file) -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		return pages;
	}

	private static List<Class<?>> publicTypes() throws Exception {
		List<Class<?>> types = new ArrayList<>();
		for (Path root : SOURCES) {
			List<Path> files;
			try (Stream<Path> walk = Files.walk(root)) {
				files = walk.filter((file) -> file.toString().endsWith(".java"))
					.filter((file) -> !file.getFileName().toString().equals("package-info.java"))
					.sorted()
					.toList();
			}
			for (Path file : files) {
				String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
				Class<?> type = ClassUtils.forName(name.substring(0, name.length() - ".java".length()), null);
				if (Modifier.isPublic(type.getModifiers())) {
					types.add(type);
				}
			}
		}
		return types;
	}

	private static Map<String, Class<?>> replaceableBeans() throws Exception {
		Map<String, Class<?>> beans = new LinkedHashMap<>();
		Resource imports = new PathMatchingResourcePatternResolver()
			.getResource("classpath:META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
		for (String line : imports.getContentAsString(StandardCharsets.UTF_8).split("\n")) {
			if (line.startsWith("dev.mtls.boot.")) {
				collectReplaceableBeans(ClassUtils.forName(line.trim(), null), beans);
			}
		}
		return beans;
	}

	private static void collectReplaceableBeans(Class<?> configuration, Map<String, Class<?>> beans) {
		for (Method method : configuration.getDeclaredMethods()) {
			Bean bean = method.getAnnotation(Bean.class);
			if (bean != null && method.isAnnotationPresent(ConditionalOnMissingBean.class)) {
				String name = (bean.name().length > 0) ? bean.name()[0] : method.getName();
				beans.put(name, method.getReturnType());
			}
		}
		for (Class<?> nested : configuration.getDeclaredClasses()) {
			collectReplaceableBeans(nested, beans);
		}
	}

	/**
	 * The properties and groups of the starter's own configuration metadata.
	 */
	private record StarterMetadata(Map<String, Map<String, Object>> properties, Set<String> groups) {

		@SuppressWarnings("unchecked")
		static StarterMetadata load() throws IOException {
			Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
			Set<String> groups = new LinkedHashSet<>();
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
				Map<String, Object> json = JsonParserFactory.getJsonParser()
					.parseMap(resource.getContentAsString(StandardCharsets.UTF_8));
				for (Object item : (List<Object>) json.getOrDefault("properties", List.of())) {
					Map<String, Object> property = (Map<String, Object>) item;
					if (String.valueOf(property.get("sourceType")).startsWith("dev.mtls.boot.")) {
						properties.put(String.valueOf(property.get("name")), property);
					}
				}
				for (Object item : (List<Object>) json.getOrDefault("groups", List.of())) {
					Map<String, Object> group = (Map<String, Object>) item;
					if (String.valueOf(group.get("sourceType")).startsWith("dev.mtls.boot.")) {
						groups.add(String.valueOf(group.get("name")));
					}
				}
			}
			assertThat(properties).containsKeys("mtls.bundle", "mtls.server.client-auth");
			return new StarterMetadata(properties, groups);
		}

	}

}
