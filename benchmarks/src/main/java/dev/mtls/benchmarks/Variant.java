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
package dev.mtls.benchmarks;

import java.nio.file.Path;
import java.util.List;

/**
 * One application configuration under benchmark.
 *
 * @param name the name in the results
 * @param java the java executable
 * @param jvmArguments JVM arguments beyond the common flags
 * @param jar the executable jar
 * @param arguments application arguments
 * @author mtls-spring-boot authors
 */
record Variant(String name, String java, List<String> jvmArguments, Path jar, List<String> arguments) {

	String jcmd() {
		return Path.of(this.java).resolveSibling("jcmd").toString();
	}

}
