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
package dev.mtls.benchmarks.baseline;

import java.security.Principal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of the benchmarks, configured the way a user hand-wires mTLS today without
 * mtls-spring-boot: a Spring Boot SSL bundle on {@code server.ssl.bundle} with
 * {@code server.ssl.client-auth=need}, and Spring Security's {@code x509()} with a
 * {@link UserDetailsService} that knows the client's common name, and an authority rule
 * on the endpoint. Profile {@code one-way} is the same application over one-way TLS (no
 * client certificate, every request permitted).
 *
 * @author mtls-spring-boot authors
 */
@SpringBootApplication
public class BaselineApplication {

	public static void main(String[] args) {
		SpringApplication.run(BaselineApplication.class, args);
	}

	@Bean
	@Profile("!one-way")
	SecurityFilterChain x509(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/hello")
			.hasAuthority("hello:read")
			.anyRequest()
			.authenticated());
		http.x509(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	@Profile("!one-way")
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("bench-client").password("{noop}unused").authorities("hello:read").build());
	}

	@Bean
	@Profile("one-way")
	SecurityFilterChain oneWay(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		return http.build();
	}

	/**
	 * Tomcat's OpenSSL engine through the Java FFM API (Java 22+), for the measurement of
	 * handshakes without JSSE. Needs {@code tomcat-coyote-ffm.jar} from the Tomcat
	 * distribution on the class path (it is not published to Maven repositories) and
	 * {@code --enable-native-access=ALL-UNNAMED}.
	 * @return the connector customizer
	 */
	@Bean
	@ConditionalOnBooleanProperty("bench.tomcat-openssl")
	TomcatConnectorCustomizer tomcatOpenSsl() {
		return (connector) -> {
			try {
				Class.forName("org.apache.tomcat.util.net.openssl.panama.OpenSSLLibrary")
					.getMethod("init")
					.invoke(null);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Tomcat's FFM OpenSSL needs Java 22+ and tomcat-coyote-ffm.jar", ex);
			}
			connector.setProperty("sslImplementationName",
					"org.apache.tomcat.util.net.openssl.panama.OpenSSLImplementation");
		};
	}

	@RestController
	static class Endpoints {

		@GetMapping("/hello")
		String hello(Principal caller) {
			return "hello " + ((caller != null) ? caller.getName() : "anonymous");
		}

	}

}
