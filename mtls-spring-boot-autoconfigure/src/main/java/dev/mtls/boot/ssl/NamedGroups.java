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

import java.lang.reflect.Method;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * The key exchange groups ({@code mtls.tls.named-groups}) set on every engine and socket
 * of the live context. {@code SSLParameters.setNamedGroups} exists from Java 20; on older
 * runtimes the groups are set through the {@code jdk.tls.namedGroups} system property
 * instead (see {@link TlsOptions}).
 *
 * @author mtls-spring-boot authors
 */
final class NamedGroups {

	private static final @Nullable Method SET_NAMED_GROUPS = ReflectionUtils.findMethod(SSLParameters.class,
			"setNamedGroups", String[].class);

	private final String @Nullable [] groups;

	NamedGroups(List<String> groups) {
		this.groups = (groups.isEmpty() || SET_NAMED_GROUPS == null) ? null : groups.toArray(new String[0]);
	}

	void apply(SSLEngine engine) {
		if (this.groups != null) {
			engine.setSSLParameters(apply(engine.getSSLParameters()));
		}
	}

	void apply(SSLSocket socket) {
		if (this.groups != null) {
			socket.setSSLParameters(apply(socket.getSSLParameters()));
		}
	}

	private SSLParameters apply(SSLParameters parameters) {
		ReflectionUtils.invokeMethod(SET_NAMED_GROUPS, parameters, (Object) this.groups);
		return parameters;
	}

}
