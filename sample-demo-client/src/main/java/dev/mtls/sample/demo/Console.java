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
package dev.mtls.sample.demo;

import java.io.PrintStream;

/**
 * Prints the demo's output.
 *
 * @author mtls-spring-boot authors
 */
final class Console {

	private static final PrintStream OUT = System.out;

	private Console() {
	}

	static void heading(String text) {
		OUT.println();
		OUT.println("== " + text + " ==");
	}

	static void line(String label, String text) {
		OUT.printf("%-22s %s%n", label.isEmpty() ? "" : label + ":", text);
	}

}
