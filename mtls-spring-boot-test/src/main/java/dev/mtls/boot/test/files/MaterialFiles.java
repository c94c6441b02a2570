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
package dev.mtls.boot.test.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.mtls.boot.test.pki.Credential;
import dev.mtls.boot.test.pki.Pem;

/**
 * The PEM files of one bundle ({@code tls.crt}, {@code tls.key}, {@code ca.crt}) in a
 * directory, laid out and replaced in one of the {@link Replacement} styles.
 *
 * <pre class="code">
 * MaterialFiles files = MaterialFiles.create(directory, Replacement.KUBERNETES, server, root);
 * // point spring.ssl.bundle.pem.service.* at files.certificate(), files.privateKey(), files.trust()
 * files.replace(renewedServer, root);
 * </pre>
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class MaterialFiles {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy_MM_dd_HH_mm_ss");

	private final Path directory;

	private final Replacement replacement;

	private final AtomicInteger generation = new AtomicInteger();

	private MaterialFiles(Path directory, Replacement replacement) {
		this.directory = directory;
		this.replacement = replacement;
	}

	/**
	 * Lay out the files of a credential and its trust in a directory.
	 * @param directory the directory
	 * @param replacement how the files will be replaced
	 * @param credential the credential
	 * @param trust the trusted certificates
	 * @return the files
	 */
	public static MaterialFiles create(Path directory, Replacement replacement, Credential credential,
			X509Certificate... trust) {
		MaterialFiles files = new MaterialFiles(directory, replacement);
		files.install(credential.certificatePem(), credential.privateKeyPem(), Pem.certificates(List.of(trust)));
		return files;
	}

	/**
	 * Return the certificate file, as an application would configure it.
	 * @return the certificate file
	 */
	public Path certificate() {
		return this.directory.resolve("tls.crt");
	}

	/**
	 * Return the private key file, as an application would configure it.
	 * @return the private key file
	 */
	public Path privateKey() {
		return this.directory.resolve("tls.key");
	}

	/**
	 * Return the trust file, as an application would configure it.
	 * @return the trust file
	 */
	public Path trust() {
		return this.directory.resolve("ca.crt");
	}

	/**
	 * Return the Spring Boot properties that describe these files as a PEM bundle and
	 * select it with {@code mtls.bundle}.
	 * @param bundle the bundle name
	 * @return the properties as {@code key=value} strings
	 */
	public String[] bundleProperties(String bundle) {
		String prefix = "spring.ssl.bundle.pem." + bundle + ".";
		return new String[] { "mtls.bundle=" + bundle, prefix + "keystore.certificate=file:" + certificate(),
				prefix + "keystore.private-key=file:" + privateKey(),
				prefix + "truststore.certificate=file:" + trust() };
	}

	/**
	 * Return the {@link #bundleProperties(String) bundle properties} as a map, for
	 * {@code SpringApplicationBuilder.properties(Map)} (its {@code key=value} form splits
	 * on ':' too).
	 * @param bundle the bundle name
	 * @return the properties
	 */
	public Map<String, Object> bundlePropertyMap(String bundle) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String property : bundleProperties(bundle)) {
			int separator = property.indexOf('=');
			properties.put(property.substring(0, separator), property.substring(separator + 1));
		}
		return properties;
	}

	/**
	 * Replace the files with a new credential and trust, in this layout's style. For
	 * {@link Replacement#DELETE_AND_RECREATE} this call deletes the files and a second
	 * call writes them.
	 * @param credential the new credential
	 * @param trust the new trusted certificates
	 */
	public void replace(Credential credential, X509Certificate... trust) {
		replace(credential.certificatePem(), credential.privateKeyPem(), Pem.certificates(List.of(trust)));
	}

	/**
	 * Replace the files with raw content (for example broken PEM), in this layout's
	 * style.
	 * @param certificate the certificate file content
	 * @param privateKey the key file content
	 * @param trust the trust file content
	 */
	public void replace(String certificate, String privateKey, String trust) {
		try {
			switch (this.replacement) {
				case IN_PLACE -> {
					Files.writeString(certificate(), certificate);
					Files.writeString(privateKey(), privateKey);
					Files.writeString(trust(), trust);
				}
				case IN_PLACE_KEY_FIRST -> {
					Files.writeString(privateKey(), privateKey);
					Files.writeString(certificate(), certificate);
					Files.writeString(trust(), trust);
				}
				case RENAME -> {
					renameOver(certificate(), certificate);
					renameOver(privateKey(), privateKey);
					renameOver(trust(), trust);
				}
				case KUBERNETES -> swapData(certificate, privateKey, trust);
				case DELETE_AND_RECREATE -> {
					if (Files.exists(certificate())) {
						delete();
					}
					else {
						Files.writeString(certificate(), certificate);
						Files.writeString(privateKey(), privateKey);
						Files.writeString(trust(), trust);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Delete the three files (for {@link Replacement#KUBERNETES}, the whole volume
	 * content).
	 */
	public void delete() {
		try {
			for (Path file : List.of(certificate(), privateKey(), trust())) {
				Files.deleteIfExists(file);
			}
			if (this.replacement == Replacement.KUBERNETES) {
				Files.deleteIfExists(this.directory.resolve("..data"));
				deleteTimestampedDirectories(null);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void install(String certificate, String privateKey, String trust) {
		try {
			Files.createDirectories(this.directory);
			if (this.replacement == Replacement.KUBERNETES) {
				swapData(certificate, privateKey, trust);
				for (String name : List.of("tls.crt", "tls.key", "ca.crt")) {
					Files.createSymbolicLink(this.directory.resolve(name), Path.of("..data", name));
				}
			}
			else {
				Files.writeString(certificate(), certificate);
				Files.writeString(privateKey(), privateKey);
				Files.writeString(trust(), trust);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void renameOver(Path file, String content) throws IOException {
		Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
		Files.writeString(temporary, content, StandardCharsets.ISO_8859_1);
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private void swapData(String certificate, String privateKey, String trust) throws IOException {
		String name = ".." + LocalDateTime.now().format(TIMESTAMP) + "." + this.generation.incrementAndGet();
		Path data = Files.createDirectory(this.directory.resolve(name));
		Files.writeString(data.resolve("tls.crt"), certificate);
		Files.writeString(data.resolve("tls.key"), privateKey);
		Files.writeString(data.resolve("ca.crt"), trust);
		Path link = this.directory.resolve("..data_tmp");
		Files.deleteIfExists(link);
		Files.createSymbolicLink(link, Path.of(name));
		Files.move(link, this.directory.resolve("..data"), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
		deleteTimestampedDirectories(name);
	}

	private void deleteTimestampedDirectories(String keep) throws IOException {
		List<Path> old = new ArrayList<>();
		try (Stream<Path> entries = Files.list(this.directory)) {
			entries.filter((entry) -> {
				String fileName = entry.getFileName().toString();
				return fileName.startsWith("..") && !fileName.equals("..data") && !fileName.equals(keep)
						&& Files.isDirectory(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS);
			}).forEach(old::add);
		}
		for (Path directory : old) {
			try (Stream<Path> files = Files.list(directory)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
			Files.delete(directory);
		}
	}

}
