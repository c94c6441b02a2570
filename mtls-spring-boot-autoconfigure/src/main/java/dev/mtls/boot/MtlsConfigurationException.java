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
package dev.mtls.boot;

import org.jspecify.annotations.Nullable;

/**
 * A configuration problem that stops a service from starting with mutual TLS. Its message
 * says what is wrong, naming the property or file; its action says how to fix it.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 * @see MtlsConfigurationFailureAnalyzer
 */
public class MtlsConfigurationException extends RuntimeException {

	private final String action;

	protected MtlsConfigurationException(String description, String action, @Nullable Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	/**
	 * Return what the user should do to fix the problem.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
