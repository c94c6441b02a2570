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

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of valid encodings for hostile-input tests: truncation, bit flips
 * inside the DER of PEM blocks, garbage, repetition, oversized and nested content.
 *
 * @author mtls-spring-boot authors
 */
final class Mutations {

	private static final Pattern PEM = Pattern.compile("(-----BEGIN ([A-Z0-9 ]+)-----)([^-]+)(-----END \\2-----)");

	private final Random random;

	Mutations(long seed) {
		this.random = new Random(seed);
	}

	String mutatePem(String pem) {
		return switch (this.random.nextInt(7)) {
			case 0 -> pem.substring(0, this.random.nextInt(pem.length()));
			case 1 -> flipDerBits(pem);
			case 2 -> garbage(this.random.nextInt(4096));
			case 3 -> pem.repeat(2 + this.random.nextInt(50));
			case 4 -> nested(pem);
			case 5 -> pem.replace("-----END", "-----BEGIN");
			default -> new String(flip(pem.getBytes(StandardCharsets.ISO_8859_1), 1 + this.random.nextInt(8)),
					StandardCharsets.ISO_8859_1);
		};
	}

	byte[] mutateDer(byte[] der) {
		return switch (this.random.nextInt(4)) {
			case 0 -> java.util.Arrays.copyOf(der, this.random.nextInt(der.length));
			case 1 -> flip(der, 1 + this.random.nextInt(16));
			case 2 -> garbage(this.random.nextInt(4096)).getBytes(StandardCharsets.ISO_8859_1);
			default -> lengthBomb(der);
		};
	}

	String garbage(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	String randomText(int maxLength) {
		int length = this.random.nextInt(maxLength + 1);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			int kind = this.random.nextInt(10);
			if (kind == 0) {
				text.append((char) this.random.nextInt(0x20));
			}
			else if (kind == 1) {
				text.append((char) (0x80 + this.random.nextInt(0x2000)));
			}
			else {
				text.append("abcdefghijklmnopqrstuvwxyz0123456789.-_/:,=+\\\"@%?#*".charAt(this.random.nextInt(51)));
			}
		}
		return text.toString();
	}

	private String flipDerBits(String pem) {
		Matcher matcher = PEM.matcher(pem);
		if (!matcher.find()) {
			return pem;
		}
		byte[] der = Base64.getMimeDecoder().decode(matcher.group(3));
		String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(flip(der, 1 + this.random.nextInt(8)));
		return pem.substring(0, matcher.start(3)) + "\n" + body + "\n" + pem.substring(matcher.end(3));
	}

	private String nested(String pem) {
		int middle = pem.length() / 2;
		return pem.substring(0, middle) + pem + pem.substring(middle);
	}

	private byte[] flip(byte[] bytes, int flips) {
		byte[] copy = bytes.clone();
		for (int i = 0; i < flips && copy.length > 0; i++) {
			int index = this.random.nextInt(copy.length);
			copy[index] ^= (byte) (1 << this.random.nextInt(8));
		}
		return copy;
	}

	private byte[] lengthBomb(byte[] der) {
		byte[] copy = der.clone();
		if (copy.length > 4) {
			copy[1] = (byte) 0x84;
			copy[2] = (byte) 0x7f;
			copy[3] = (byte) 0xff;
		}
		return copy;
	}

}
