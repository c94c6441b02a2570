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
package dev.mtls.boot.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import dev.mtls.boot.event.ClientAuthorizationEvent;
import dev.mtls.boot.security.ClientIdentity;
import dev.mtls.boot.security.annotation.AllowClients;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web application with authorization rules of every kind, for security tests.
 *
 * @author mtls-spring-boot authors
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity(securedEnabled = true)
@Import({ SecuredApplication.OrdersController.class, SecuredApplication.OpenController.class })
public class SecuredApplication {

	@Bean
	RecordedEvents recordedEvents() {
		return new RecordedEvents();
	}

	@Bean
	AuthorizationEvents authorizationEvents() {
		return new AuthorizationEvents();
	}

	/**
	 * Class rule for orders, overridden by method rules.
	 */
	@RestController
	@AllowClients("spiffe://example.org/orders")
	static class OrdersController {

		@GetMapping("/orders")
		String orders() {
			return "orders";
		}

		@GetMapping("/orders/invoice")
		@AllowClients("spiffe://example.org/ns/*/sa/billing")
		String invoice() {
			return "invoice";
		}

		@GetMapping("/orders/admin")
		@OpsOnly
		String admin() {
			return "admin";
		}

		@PostMapping("/orders")
		String create(@RequestBody Map<String, Object> order) {
			return "created " + order.get("id");
		}

	}

	/**
	 * Endpoints without {@link AllowClients}.
	 */
	@RestController
	static class OpenController {

		@GetMapping("/whoami")
		Map<String, Object> whoami(@AuthenticationPrincipal ClientIdentity identity) {
			return Map.of("name", identity.name(), "source", identity.source().name(), "serial", identity.serial(),
					"trustDomain", String.valueOf(identity.trustDomain()));
		}

		@GetMapping("/inventory")
		@PreAuthorize("hasAuthority('inventory:read')")
		String inventory() {
			return "inventory";
		}

		@GetMapping("/inventory/write")
		@Secured("inventory:write")
		String writeInventory() {
			return "written";
		}

		@GetMapping("/mdc")
		String mdc() {
			return String.valueOf(org.slf4j.MDC.get("mtls.client"));
		}

		@GetMapping("/probe")
		String probe() {
			return "up";
		}

		@GetMapping("/nobody")
		@AllowClients({})
		String nobody() {
			return "nobody";
		}

	}

	/**
	 * A meta-annotation that names the operators once.
	 */
	@AllowClients("spiffe://example.org/ops")
	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@interface OpsOnly {

	}

	/**
	 * Records authorization events.
	 */
	public static class AuthorizationEvents {

		private final java.util.List<ClientAuthorizationEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();

		@org.springframework.context.event.EventListener
		void on(ClientAuthorizationEvent event) {
			this.events.add(event);
		}

		public java.util.List<ClientAuthorizationEvent> events() {
			return this.events;
		}

		public void clear() {
			this.events.clear();
		}

	}

}
