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
package dev.mtls.boot.security;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mtls.boot.security.annotation.AllowClients;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.web.method.HandlerMethod;

/**
 * Finds the {@link AllowClients} rule of a handler method (on the method, else on its
 * class, directly or as a meta-annotation) once, and remembers it. Each rule also
 * remembers its decisions per client name, so a repeated call decides with one lookup.
 *
 * @author mtls-spring-boot authors
 */
final class AuthorizationRules {

	private static final Rule NONE = new Rule(List.of(), "none");

	private final Map<Class<?>, Map<Method, Rule>> rules = new ConcurrentHashMap<>();

	@Nullable Rule ruleFor(Object handler) {
		if (!(handler instanceof HandlerMethod handlerMethod)) {
			return null;
		}
		Class<?> beanType = handlerMethod.getBeanType();
		Rule rule = this.rules.computeIfAbsent(beanType, (type) -> new ConcurrentHashMap<>())
			.computeIfAbsent(handlerMethod.getMethod(), (method) -> find(method, beanType));
		return (rule != NONE) ? rule : null;
	}

	private static Rule find(Method method, Class<?> beanType) {
		MergedAnnotation<AllowClients> annotation = MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY)
			.get(AllowClients.class);
		String where = beanType.getSimpleName() + "#" + method.getName();
		if (!annotation.isPresent()) {
			annotation = MergedAnnotations.from(beanType, SearchStrategy.TYPE_HIERARCHY).get(AllowClients.class);
			where = beanType.getSimpleName();
		}
		if (!annotation.isPresent()) {
			return NONE;
		}
		List<ClientPattern> patterns = Arrays.stream(annotation.getStringArray("value"))
			.map(ClientPattern::compile)
			.toList();
		return new Rule(patterns,
				"@AllowClients" + Arrays.toString(annotation.getStringArray("value")) + " on " + where);
	}

	/**
	 * The clients allowed by one annotation.
	 */
	static final class Rule {

		private static final int MAX_REMEMBERED = 1024;

		private final List<ClientPattern> patterns;

		private final String description;

		private final Map<String, Boolean> decisions = new ConcurrentHashMap<>();

		Rule(List<ClientPattern> patterns, String description) {
			this.patterns = patterns;
			this.description = description;
		}

		boolean allows(String client) {
			Boolean allowed = this.decisions.get(client);
			if (allowed == null) {
				allowed = this.patterns.stream().anyMatch((pattern) -> pattern.matches(client));
				if (this.decisions.size() >= MAX_REMEMBERED) {
					this.decisions.clear();
				}
				this.decisions.put(client, allowed);
			}
			return allowed;
		}

		@Override
		public String toString() {
			return this.description;
		}

	}

}
