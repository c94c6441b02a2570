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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link KubernetesVolume}.
 *
 * @author mtls-spring-boot authors
 */
class KubernetesVolumeTests {

	@TempDir
	Path directory;

	@Test
	void createWhenPayloadThenFilesAreLinksThroughDataToOneTimestampedDirectory() throws Exception {
		KubernetesVolume volume = KubernetesVolume.create(this.directory, payload("one"));

		String data = volume.dataDirectoryName();
		assertThat(data).matches("\\.\\.\\d{4}_\\d{2}_\\d{2}_\\d{2}_\\d{2}_\\d{2}\\.\\d+");
		assertThat(volume.timestampedDirectoryNames()).containsExactly(data);
		assertThat(Files.readSymbolicLink(this.directory.resolve("tls.crt"))).isEqualTo(Path.of("..data", "tls.crt"));
		assertThat(Files.readSymbolicLink(this.directory.resolve("..data"))).isEqualTo(Path.of(data));
		assertThat(volume.file("tls.key")).hasContent("key one");
		assertThat(Files.getPosixFilePermissions(this.directory.resolve(data).resolve("tls.key")))
			.isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
	}

	@Test
	void updateWhenContentChangesThenDataPointsToANewDirectoryAndTheOldOneIsDeleted() {
		KubernetesVolume volume = KubernetesVolume.create(this.directory, payload("one"));
		String first = volume.dataDirectoryName();

		boolean written = volume.update(payload("two"));

		assertThat(written).isTrue();
		assertThat(volume.dataDirectoryName()).isNotEqualTo(first);
		assertThat(volume.timestampedDirectoryNames()).containsExactly(volume.dataDirectoryName());
		assertThat(this.directory.resolve(first)).doesNotExist();
		assertThat(this.directory.resolve("..data_tmp")).doesNotExist();
		assertThat(volume.file("tls.crt")).hasContent("certificate two");
		assertThat(Files.isSymbolicLink(volume.file("tls.crt"))).isTrue();
	}

	@Test
	void updateWhenContentIsUnchangedThenNothingIsWritten() {
		KubernetesVolume volume = KubernetesVolume.create(this.directory, payload("one"));
		String first = volume.dataDirectoryName();

		boolean written = volume.update(payload("one"));

		assertThat(written).isFalse();
		assertThat(volume.dataDirectoryName()).isEqualTo(first);
	}

	@Test
	void updateWhenKeyIsGoneThenItsLinkIsRemoved() {
		KubernetesVolume volume = KubernetesVolume.create(this.directory, payload("one"));
		Map<String, String> withoutCa = payload("two");
		withoutCa.remove("ca.crt");

		volume.update(withoutCa);

		assertThat(Files.exists(volume.file("ca.crt"), LinkOption.NOFOLLOW_LINKS)).isFalse();
		assertThat(volume.file("tls.crt")).hasContent("certificate two");
	}

	@Test
	void createWhenKeyIsReservedThenFails() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KubernetesVolume.create(this.directory, Map.of("..data", "x")));
	}

	private static Map<String, String> payload(String version) {
		Map<String, String> payload = new LinkedHashMap<>();
		payload.put("tls.crt", "certificate " + version);
		payload.put("tls.key", "key " + version);
		payload.put("ca.crt", "authority");
		return payload;
	}

}
