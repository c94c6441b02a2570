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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A Kubernetes Secret or ConfigMap volume as the kubelet writes it (its
 * {@code AtomicWriter}), for any set of keys: cert-manager's {@code tls.crt},
 * {@code tls.key}, {@code ca.crt}, or a trust-manager bundle key.
 * <p>
 * Each update writes all files into a new hidden directory named after the time,
 * {@code ..yyyy_MM_dd_HH_mm_ss.<random>} (mode {@code 0755}, files {@code 0644}, the
 * kubelet's default mode), creates the user-visible links {@code <key> -> ..data/<key>}
 * for keys that have none yet, creates a link {@code ..data_tmp} to the new directory and
 * renames it over {@code ..data} (the one atomic step), removes the links of keys that
 * are gone, and deletes the previous directory. An update whose content equals what is on
 * disk writes nothing, as the kubelet does.
 * <p>
 * {@link MaterialFiles} with {@link Replacement#KUBERNETES} lays out the three fixed
 * names of the reload tests the same way; this class takes any keys and follows the
 * kubelet's order of steps and file modes.
 *
 * <pre class="code">
 * KubernetesVolume secret = KubernetesVolume.create(directory, Map.of("tls.crt", chain, "tls.key", key, "ca.crt", ca));
 * secret.update(Map.of("tls.crt", renewedChain, "tls.key", renewedKey, "ca.crt", ca));
 * </pre>
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class KubernetesVolume {

	/**
	 * The name of the link to the current data directory.
	 */
	public static final String DATA = "..data";

	private static final String DATA_TMP = "..data_tmp";

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("'..'yyyy_MM_dd_HH_mm_ss'.'")
		.withZone(ZoneOffset.UTC);

	private final Path directory;

	private KubernetesVolume(Path directory) {
		this.directory = directory;
	}

	/**
	 * Create a volume in a directory (created if missing, like the mount point) and
	 * project the first content into it.
	 * @param directory the directory the volume is mounted at
	 * @param payload the content by key, in the order the files are written
	 * @return the volume
	 */
	public static KubernetesVolume create(Path directory, Map<String, String> payload) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		KubernetesVolume volume = new KubernetesVolume(directory);
		volume.update(payload);
		return volume;
	}

	/**
	 * Return the directory the volume is mounted at.
	 * @return the directory
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * Return the user-visible file of a key, as an application configures it.
	 * @param key the key
	 * @return the file
	 */
	public Path file(String key) {
		return this.directory.resolve(key);
	}

	/**
	 * Return the name of the timestamped directory {@code ..data} points to, or
	 * {@code null} if there is none.
	 * @return the directory name
	 */
	public @Nullable String dataDirectoryName() {
		Path data = this.directory.resolve(DATA);
		try {
			return Files.isSymbolicLink(data) ? Files.readSymbolicLink(data).toString() : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the names of all timestamped directories present (normally exactly one).
	 * @return the directory names
	 */
	public List<String> timestampedDirectoryNames() {
		try (Stream<Path> entries = Files.list(this.directory)) {
			return entries.filter(KubernetesVolume::isTimestampedDirectory)
				.map((entry) -> entry.getFileName().toString())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Project new content into the volume, as the kubelet does when the Secret or
	 * ConfigMap changed.
	 * @param payload the content by key, in the order the files are written
	 * @return whether anything was written ({@code false} if the content is unchanged)
	 */
	public boolean update(Map<String, String> payload) {
		Map<String, String> files = new LinkedHashMap<>(payload);
		files.keySet().forEach(KubernetesVolume::checkKey);
		try {
			String previous = dataDirectoryName();
			Set<String> removed = Set.of();
			if (previous != null) {
				Path previousDirectory = this.directory.resolve(previous);
				Set<String> existing = keys(previousDirectory);
				if (existing.equals(files.keySet()) && sameContent(previousDirectory, files)) {
					return false;
				}
				removed = new HashSet<>(existing);
				removed.removeAll(files.keySet());
			}
			Path timestamped = Files.createTempDirectory(this.directory, TIMESTAMP.format(Instant.now()));
			setMode(timestamped, "rwxr-xr-x");
			for (Map.Entry<String, String> file : files.entrySet()) {
				Path written = timestamped.resolve(file.getKey());
				Files.writeString(written, file.getValue(), StandardCharsets.ISO_8859_1);
				setMode(written, "rw-r--r--");
			}
			for (String key : files.keySet()) {
				Path visible = this.directory.resolve(key);
				if (!Files.isSymbolicLink(visible)) {
					Files.createSymbolicLink(visible, Path.of(DATA, key));
				}
			}
			Path link = this.directory.resolve(DATA_TMP);
			Files.createSymbolicLink(link, timestamped.getFileName());
			Files.move(link, this.directory.resolve(DATA), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
			for (String key : removed) {
				Files.deleteIfExists(this.directory.resolve(key));
			}
			if (previous != null) {
				deleteRecursively(this.directory.resolve(previous));
			}
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void checkKey(String key) {
		if (key.isEmpty() || key.startsWith("..") || key.contains("/")) {
			throw new IllegalArgumentException("Invalid volume key '" + key + "'");
		}
	}

	private static boolean isTimestampedDirectory(Path entry) {
		String name = entry.getFileName().toString();
		return name.startsWith("..") && !name.equals(DATA) && !name.equals(DATA_TMP)
				&& Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
	}

	private static Set<String> keys(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return Set.of();
		}
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.map((entry) -> entry.getFileName().toString()).collect(Collectors.toSet());
		}
	}

	private static boolean sameContent(Path directory, Map<String, String> files) throws IOException {
		for (Map.Entry<String, String> file : files.entrySet()) {
			byte[] existing = Files.readAllBytes(directory.resolve(file.getKey()));
			if (!Arrays.equals(existing, file.getValue().getBytes(StandardCharsets.ISO_8859_1))) {
				return false;
			}
		}
		return true;
	}

	private static void setMode(Path path, String permissions) throws IOException {
		if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> entries = Files.walk(directory)) {
			for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(entry);
			}
		}
	}

}
