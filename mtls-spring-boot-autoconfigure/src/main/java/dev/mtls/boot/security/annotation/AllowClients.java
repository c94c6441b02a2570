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
package dev.mtls.boot.security.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the clients that may call a controller or handler method, by identity pattern
 * ({@code *} within one path segment, {@code **} across segments). An annotation on a
 * method overrides one on its class. Use it as a meta-annotation to name a group of
 * clients once:
 *
 * <pre class="code">
 * &#64;AllowClients("spiffe://example.org/ops")
 * &#64;Retention(RetentionPolicy.RUNTIME)
 * &#64;Target({ ElementType.TYPE, ElementType.METHOD })
 * public &#64;interface OpsOnly {
 * }
 * </pre>
 *
 * A denied call gets a 403 problem-detail response that names the refused identity. An
 * empty list allows nobody.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AllowClients {

	/**
	 * The identity patterns of the clients allowed to call, for example
	 * {@code spiffe://example.org/ns/*}{@code /sa/billing}.
	 * @return the patterns
	 */
	String[] value();

}
