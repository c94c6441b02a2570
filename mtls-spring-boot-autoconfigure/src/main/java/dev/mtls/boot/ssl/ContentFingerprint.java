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
package dev.mtls.boot.ssl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 digest over the current content of a set of files (read through symbolic
 * links), so that a reload happens when content changes, not when only timestamps do.
 * Missing, unreadable or oversized files contribute a marker instead of content.
 *
 * @author mtls-spring-boot authors
 */
final class ContentFingerprint {

	static final long MAX_FILE_SIZE = 10 * 1024 * 1024;

	private ContentFingerprint() {
	}

	static String of(List<Path> files) {
		MessageDigest digest = sha256();
		for (Path file : files) {
			digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(content(file));
			digest.update((byte) 0);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static byte[] content(Path file) {
		try {
			if (!Files.isRegularFile(file)) {
				return ("<missing or not a file>").getBytes(StandardCharsets.UTF_8);
			}
			if (Files.size(file) > MAX_FILE_SIZE) {
				return ("<larger than " + MAX_FILE_SIZE + " bytes>").getBytes(StandardCharsets.UTF_8);
			}
			return Files.readAllBytes(file);
		}
		catch (IOException | SecurityException ex) {
			return ("<unreadable: " + ex.getClass().getSimpleName() + ">").getBytes(StandardCharsets.UTF_8);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
