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
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes of one file, in the two ways tools that deliver key material write them.
 * <ul>
 * <li>{@link #renameOver(Path, String, String)}: a temporary file in the destination's
 * directory, renamed over the destination; readers see the old or the new file, never a
 * partial one. Vault Agent renders each template like this (Consul Template's
 * {@code AtomicWrite}).</li>
 * <li>{@link #overwrite(Path, String, String)}: the destination itself truncated and
 * rewritten; readers can see an empty or partly written file. spiffe-helper writes the
 * SVID, key and bundle files like this (Go's {@code os.WriteFile}).</li>
 * </ul>
 * Several files written one after another are never replaced together: in between, a
 * reader sees a new certificate next to an old key.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public final class FileWrites {

	private FileWrites() {
	}

	/**
	 * Write like Vault Agent renders a template: create a temporary file with a random
	 * name in the destination's directory, write the content, force it to disk, close it,
	 * set the permissions, and rename it over the destination.
	 * @param file the destination
	 * @param content the content
	 * @param permissions the permissions in {@code rw-r-----} form, applied on POSIX file
	 * systems
	 */
	public static void renameOver(Path file, String content, String permissions) {
		try {
			Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "", "");
			try {
				try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
					channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.ISO_8859_1)));
					channel.force(true);
				}
				setPermissions(temporary, permissions);
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Write like Go's {@code os.WriteFile}: open the destination for writing, truncating
	 * it (creating it with the permissions if it is missing; an existing file keeps its
	 * permissions), write the content, and close it.
	 * @param file the destination
	 * @param content the content
	 * @param permissions the permissions in {@code rw-r-----} form for a new file,
	 * applied on POSIX file systems
	 */
	public static void overwrite(Path file, String content, String permissions) {
		try {
			boolean created = !Files.exists(file);
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				if (created) {
					setPermissions(file, permissions);
				}
				channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.ISO_8859_1)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void setPermissions(Path file, String permissions) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
		}
	}

}
