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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FileWrites}.
 *
 * @author mtls-spring-boot authors
 */
class FileWritesTests {

	@TempDir
	Path directory;

	@Test
	void renameOverWhenFileExistsThenItIsReplacedByANewFileWithThePermissions() throws Exception {
		Path file = Files.writeString(this.directory.resolve("tls.key"), "old");
		Object before = Files.getAttribute(file, "unix:ino");

		FileWrites.renameOver(file, "new", "rw-------");

		assertThat(file).hasContent("new");
		assertThat(Files.getAttribute(file, "unix:ino")).isNotEqualTo(before);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		try (Stream<Path> files = Files.list(this.directory)) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void overwriteWhenFileExistsThenTheSameFileIsRewrittenAndKeepsItsPermissions() throws Exception {
		Path file = Files.writeString(this.directory.resolve("svid.pem"), "old and longer");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
		Object before = Files.getAttribute(file, "unix:ino");

		FileWrites.overwrite(file, "new", "rw-------");

		assertThat(file).hasContent("new");
		assertThat(Files.getAttribute(file, "unix:ino")).isEqualTo(before);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
	}

	@Test
	void overwriteWhenFileIsMissingThenItIsCreatedWithThePermissions() throws Exception {
		Path file = this.directory.resolve("svid_key.pem");

		FileWrites.overwrite(file, "key", "rw-------");

		assertThat(file).hasContent("key");
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
	}

}
