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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.mtls.boot.MtlsProperties;
import dev.mtls.boot.client.MtlsClientProperties;
import dev.mtls.boot.dev.DevPkiProperties;
import dev.mtls.boot.metrics.MtlsHealthProperties;
import dev.mtls.boot.metrics.MtlsMetricsProperties;
import dev.mtls.boot.security.MtlsAuthorizationProperties;
import dev.mtls.boot.security.MtlsIdentityProperties;
import dev.mtls.boot.server.MtlsServerProperties;
import dev.mtls.boot.ssl.MtlsPolicyProperties;
import dev.mtls.boot.ssl.MtlsReloadProperties;
import dev.mtls.boot.ssl.MtlsRevocationProperties;
import dev.mtls.boot.ssl.MtlsTlsProperties;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.autoconfigure.ssl.SslProperties;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the YAML in {@code docs/**}{@code /*.md}: every block parses; Kubernetes
 * manifests use the API versions and fields the guides promise; every application
 * property exists in the starter's or Spring Boot's configuration metadata and binds; and
 * relative links point at files that exist.
 *
 * @author mtls-spring-boot authors
 */
class DocumentationSnippetsTests {

	private static final Path DOCS = Path.of("..", "docs");

	private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*([\\w-]*)\\s*$");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Set<String> CHECKED_ROOTS = Set.of("spring", "server", "mtls", "management", "logging");

	private static final Map<String, String> API_VERSIONS = Map.ofEntries(
			Map.entry("Certificate", "cert-manager.io/v1"), Map.entry("Issuer", "cert-manager.io/v1"),
			Map.entry("ClusterIssuer", "cert-manager.io/v1"), Map.entry("Bundle", "trust.cert-manager.io/v1alpha1"),
			Map.entry("ClusterSPIFFEID", "spire.spiffe.io/v1alpha1"), Map.entry("Deployment", "apps/v1"),
			Map.entry("Namespace", "v1"), Map.entry("ServiceAccount", "v1"), Map.entry("Service", "v1"),
			Map.entry("ConfigMap", "v1"), Map.entry("Secret", "v1"));

	private static final Set<String> CERTIFICATE_USAGES = Set.of("signing", "digital signature", "content commitment",
			"key encipherment", "key agreement", "data encipherment", "cert sign", "crl sign", "encipher only",
			"decipher only", "any", "server auth", "client auth", "code signing", "email protection", "s/mime",
			"ipsec end system", "ipsec tunnel", "ipsec user", "timestamping", "ocsp signing", "microsoft sgc",
			"netscape sgc");

	private static final Map<String, Supplier<Object>> MTLS_PROPERTIES = Map.ofEntries(
			Map.entry("mtls.server", MtlsServerProperties::new), Map.entry("mtls.client", MtlsClientProperties::new),
			Map.entry("mtls.reload", MtlsReloadProperties::new),
			Map.entry("mtls.identity", MtlsIdentityProperties::new),
			Map.entry("mtls.authorization", MtlsAuthorizationProperties::new),
			Map.entry("mtls.dev", DevPkiProperties::new), Map.entry("mtls.policy", MtlsPolicyProperties::new),
			Map.entry("mtls.revocation", MtlsRevocationProperties::new), Map.entry("mtls.tls", MtlsTlsProperties::new),
			Map.entry("mtls.metrics", MtlsMetricsProperties::new), Map.entry("mtls.health", MtlsHealthProperties::new));

	@Test
	void whenDocsContainYamlThenEveryBlockParses() throws IOException {
		List<String> problems = new ArrayList<>();

		for (Block block : yamlBlocks()) {
			try {
				documents(block);
			}
			catch (RuntimeException ex) {
				problems.add(block + ": " + ex.getMessage());
			}
		}

		assertThat(yamlBlocks()).isNotEmpty();
		assertThat(problems).isEmpty();
	}

	@Test
	void whenDocsContainKubernetesManifestsThenTheyUseTheExpectedApisAndFields() throws IOException {
		List<String> problems = new ArrayList<>();
		Set<String> kinds = new LinkedHashSet<>();

		for (Block block : yamlBlocks()) {
			for (Map<String, Object> document : documents(block)) {
				if (document.containsKey("apiVersion") || document.containsKey("kind")) {
					kinds.add(String.valueOf(document.get("kind")));
					checkManifest(block, document, problems);
				}
			}
		}

		assertThat(kinds).contains("Certificate", "ClusterIssuer", "Bundle", "Deployment", "ClusterSPIFFEID");
		assertThat(problems).isEmpty();
	}

	@Test
	void whenDocsContainApplicationPropertiesThenTheyExistAndBind() throws IOException {
		Metadata metadata = Metadata.load();
		List<String> problems = new ArrayList<>();
		int checked = 0;

		for (Block block : yamlBlocks()) {
			if (isApplicationConfiguration(block)) {
				checked++;
				for (PropertySource<?> source : new YamlPropertySourceLoader().load(block.toString(),
						block.resource())) {
					checkProperties(block, (EnumerablePropertySource<?>) source, metadata, problems);
				}
			}
		}

		assertThat(checked).isGreaterThan(10);
		assertThat(problems).isEmpty();
	}

	@Test
	void whenDocsLinkToFilesThenTheFilesExist() throws IOException {
		List<String> problems = new ArrayList<>();

		for (Path page : pages()) {
			Matcher links = LINK.matcher(Files.readString(page));
			while (links.find()) {
				String target = links.group(1);
				if (URI.create(target).getScheme() != null || target.startsWith("#")) {
					continue;
				}
				String file = (target.indexOf('#') >= 0) ? target.substring(0, target.indexOf('#')) : target;
				if (!Files.exists(page.getParent().resolve(file))) {
					problems.add(page + ": " + target);
				}
			}
		}

		assertThat(problems).isEmpty();
	}

	private static void checkManifest(Block block, Map<String, Object> document, List<String> problems) {
		String kind = String.valueOf(document.get("kind"));
		String where = block + " " + kind;
		String expected = API_VERSIONS.get(kind);
		if (expected == null) {
			problems.add(where + ": kind not known to this test");
			return;
		}
		if (!expected.equals(document.get("apiVersion"))) {
			problems.add(where + ": apiVersion " + document.get("apiVersion") + ", expected " + expected);
		}
		if (value(document, "metadata", "name") == null) {
			problems.add(where + ": metadata.name missing");
		}
		switch (kind) {
			case "Certificate" -> checkCertificate(where, document, problems);
			case "Bundle" -> checkBundle(where, document, problems);
			case "Deployment" -> checkDeployment(where, document, problems);
			default -> {
			}
		}
	}

	private static void checkCertificate(String where, Map<String, Object> certificate, List<String> problems) {
		require(where, certificate, problems, "spec", "secretName");
		require(where, certificate, problems, "spec", "issuerRef", "name");
		Object usages = value(certificate, "spec", "usages");
		if (usages instanceof List<?> list) {
			list.stream()
				.filter((usage) -> !CERTIFICATE_USAGES.contains(usage))
				.forEach((usage) -> problems.add(where + ": unknown usage '" + usage + "'"));
		}
		checkOneOf(where, value(certificate, "spec", "privateKey", "algorithm"), Set.of("RSA", "ECDSA", "Ed25519"),
				problems);
		checkOneOf(where, value(certificate, "spec", "privateKey", "rotationPolicy"), Set.of("Never", "Always"),
				problems);
		checkOneOf(where, value(certificate, "spec", "privateKey", "encoding"), Set.of("PKCS1", "PKCS8"), problems);
		if (!Boolean.TRUE.equals(value(certificate, "spec", "isCA"))) {
			if (!(usages instanceof List<?> list) || !list.contains("server auth") || !list.contains("client auth")) {
				problems.add(where + ": a service certificate needs the usages 'server auth' and 'client auth'");
			}
		}
	}

	private static void checkBundle(String where, Map<String, Object> bundle, List<String> problems) {
		if (!(value(bundle, "spec", "sources") instanceof List<?> sources) || sources.isEmpty()) {
			problems.add(where + ": spec.sources missing");
			return;
		}
		for (Object source : sources) {
			Set<?> keys = (source instanceof Map<?, ?> map) ? map.keySet() : Set.of();
			if (keys.size() != 1 || !Set.of("configMap", "secret", "inLine", "useDefaultCAs").containsAll(keys)) {
				problems.add(where + ": a source needs exactly one of configMap, secret, inLine, useDefaultCAs");
			}
		}
		require(where, bundle, problems, "spec", "target", "configMap", "key");
	}

	private static void checkDeployment(String where, Map<String, Object> deployment, List<String> problems) {
		require(where, deployment, problems, "spec", "selector", "matchLabels");
		List<Object> containers = new ArrayList<>();
		if (value(deployment, "spec", "template", "spec", "containers") instanceof List<?> list) {
			containers.addAll(list);
		}
		if (value(deployment, "spec", "template", "spec", "initContainers") instanceof List<?> list) {
			containers.addAll(list);
		}
		for (Object container : containers) {
			if (container instanceof Map<?, ?> map && map.get("volumeMounts") instanceof List<?> mounts) {
				for (Object mount : mounts) {
					if (mount instanceof Map<?, ?> volumeMount && volumeMount.containsKey("subPath")) {
						problems.add(where + ": volume mount with subPath never sees updates");
					}
				}
			}
		}
	}

	private static void checkProperties(Block block, EnumerablePropertySource<?> source, Metadata metadata,
			List<String> problems) {
		for (String name : source.getPropertyNames()) {
			String property = name.replaceAll("(\\[\\d+\\])+$", "");
			String root = property.split("[.\\[]", 2)[0];
			if (CHECKED_ROOTS.contains(root) && !property.startsWith("spring.ssl.") && !metadata.knows(property)) {
				problems.add(block + ": unknown property " + property);
			}
		}
		Binder binder = new Binder(ConfigurationPropertySources.from(source));
		bind(block, binder, "spring.ssl", new SslProperties(), true, problems);
		bind(block, binder, "mtls", new MtlsProperties(), false, problems);
		MTLS_PROPERTIES.forEach((prefix, properties) -> bind(block, binder, prefix, properties.get(), true, problems));
	}

	private static void bind(Block block, Binder binder, String prefix, Object target, boolean strict,
			List<String> problems) {
		BindHandler handler = strict ? new NoUnboundElementsBindHandler(BindHandler.DEFAULT) : BindHandler.DEFAULT;
		try {
			binder.bind(prefix, Bindable.ofInstance(target), handler);
		}
		catch (RuntimeException ex) {
			Throwable cause = ex;
			StringBuilder message = new StringBuilder();
			while (cause != null) {
				message.append(" / ").append(cause.getMessage());
				cause = cause.getCause();
			}
			problems.add(block + ": " + prefix + message);
		}
	}

	private static boolean isApplicationConfiguration(Block block) {
		for (Map<String, Object> document : documents(block)) {
			if (document.containsKey("apiVersion") || document.keySet().stream().noneMatch(CHECKED_ROOTS::contains)) {
				return false;
			}
		}
		return true;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> documents(Block block) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml().loadAll(block.content())) {
			if (document != null) {
				if (!(document instanceof Map)) {
					throw new IllegalStateException("not a mapping: " + document);
				}
				documents.add((Map<String, Object>) document);
			}
		}
		return documents;
	}

	private static void require(String where, Map<String, Object> document, List<String> problems, String... path) {
		if (value(document, path) == null) {
			problems.add(where + ": " + String.join(".", path) + " missing");
		}
	}

	private static void checkOneOf(String where, Object value, Set<String> allowed, List<String> problems) {
		if (value != null && !allowed.contains(value)) {
			problems.add(where + ": '" + value + "' is not one of " + allowed);
		}
	}

	private static Object value(Map<String, Object> document, String... path) {
		Object current = document;
		for (String key : path) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	private static List<Path> pages() throws IOException {
		assertThat(DOCS).isDirectory();
		try (Stream<Path> files = Files.walk(DOCS)) {
			return files.filter((file) -> file.toString().endsWith(".md")).sorted().toList();
		}
	}

	private static List<Block> yamlBlocks() throws IOException {
		List<Block> blocks = new ArrayList<>();
		for (Path page : pages()) {
			List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
			String language = null;
			int start = 0;
			StringBuilder content = new StringBuilder();
			for (int i = 0; i < lines.size(); i++) {
				Matcher fence = FENCE.matcher(lines.get(i));
				if (language == null && fence.matches()) {
					language = fence.group(1);
					start = i + 1;
					content.setLength(0);
				}
				else if (language != null && fence.matches() && fence.group(1).isEmpty()) {
					if (language.equals("yaml") || language.equals("yml")) {
						blocks.add(new Block(page, start, content.toString()));
					}
					language = null;
				}
				else if (language != null) {
					content.append(lines.get(i)).append('\n');
				}
			}
		}
		return blocks;
	}

	/**
	 * A fenced YAML block of a page.
	 */
	private record Block(Path page, int line, String content) {

		Resource resource() {
			return new ByteArrayResource(this.content.getBytes(StandardCharsets.UTF_8), toString());
		}

		@Override
		public String toString() {
			return DOCS.relativize(this.page) + ":" + this.line;
		}

	}

	/**
	 * The property names in the configuration metadata on the class path: the starter's
	 * and Spring Boot's.
	 */
	private record Metadata(Set<String> names, Set<String> maps) {

		static Metadata load() throws IOException {
			Set<String> names = new LinkedHashSet<>();
			Set<String> maps = new LinkedHashSet<>();
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
				Map<String, Object> json = JsonParserFactory.getJsonParser()
					.parseMap(resource.getContentAsString(StandardCharsets.UTF_8));
				if (json.get("properties") instanceof List<?> properties) {
					for (Object property : properties) {
						if (property instanceof Map<?, ?> map && map.get("name") instanceof String name) {
							names.add(name);
							if (String.valueOf(map.get("type")).startsWith("java.util.Map")) {
								maps.add(name);
							}
						}
					}
				}
			}
			assertThat(names).contains("mtls.bundle", "server.port", "logging.level");
			return new Metadata(names, maps);
		}

		boolean knows(String property) {
			if (this.names.contains(property)) {
				return true;
			}
			return this.maps.stream()
				.anyMatch((map) -> property.startsWith(map + ".") || property.startsWith(map + "["));
		}

	}

}
