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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of client authorization ({@code mtls.authorization.*}).
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
@ConfigurationProperties("mtls.authorization")
public class MtlsAuthorizationProperties {

	/**
	 * Policy for endpoints that carry no @AllowClients rule: 'authenticated' allows any
	 * verified client, 'deny' allows nobody (zero trust).
	 */
	private DefaultPolicy defaultPolicy = DefaultPolicy.AUTHENTICATED;

	/**
	 * Whether denials are enforced ('enforce') or only logged and counted ('audit'), for
	 * rolling out rules safely.
	 */
	private Mode mode = Mode.ENFORCE;

	/**
	 * Authorities granted to client identities, keyed by identity pattern (a star matches
	 * within one path segment, a double star across segments). Write keys in bracket
	 * notation, for example "[spiffe://example.org/orders]".
	 */
	private Map<String, List<String>> clients = new LinkedHashMap<>();

	/**
	 * Access to the health probe paths when no SecurityFilterChain is defined:
	 * 'authenticated' or 'permit-all' (for probes without client certificates, together
	 * with mtls.server.client-auth=want or a separate management port).
	 */
	private Probes probes = Probes.AUTHENTICATED;

	/**
	 * Comma-separated list of the path patterns that mtls.authorization.probes applies
	 * to.
	 */
	private List<String> probePaths = new ArrayList<>(List.of("/actuator/health", "/actuator/health/**"));

	/**
	 * Comma-separated list of client identity patterns that may call the Actuator
	 * endpoints (under management.endpoints.web.base-path, probe paths excepted) when no
	 * SecurityFilterChain is defined. Empty: any verified client.
	 */
	private List<String> managementClients = new ArrayList<>();

	public DefaultPolicy getDefaultPolicy() {
		return this.defaultPolicy;
	}

	public void setDefaultPolicy(DefaultPolicy defaultPolicy) {
		this.defaultPolicy = defaultPolicy;
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public Map<String, List<String>> getClients() {
		return this.clients;
	}

	public void setClients(Map<String, List<String>> clients) {
		this.clients = clients;
	}

	public Probes getProbes() {
		return this.probes;
	}

	public void setProbes(Probes probes) {
		this.probes = probes;
	}

	public List<String> getManagementClients() {
		return this.managementClients;
	}

	public void setManagementClients(List<String> managementClients) {
		this.managementClients = managementClients;
	}

	public List<String> getProbePaths() {
		return this.probePaths;
	}

	public void setProbePaths(List<String> probePaths) {
		this.probePaths = probePaths;
	}

	/**
	 * Policy for endpoints without a rule.
	 */
	public enum DefaultPolicy {

		/**
		 * Any verified client may call.
		 */
		AUTHENTICATED,

		/**
		 * Nobody may call without an explicit rule.
		 */
		DENY

	}

	/**
	 * Whether denials are enforced.
	 */
	public enum Mode {

		/**
		 * Denied calls get 403.
		 */
		ENFORCE,

		/**
		 * Denied calls go through, and are logged and counted.
		 */
		AUDIT

	}

	/**
	 * Access to health probe paths.
	 */
	public enum Probes {

		/**
		 * Probes need a verified client certificate like every other request.
		 */
		AUTHENTICATED,

		/**
		 * Probes are open to any caller that completed the TLS handshake.
		 */
		PERMIT_ALL

	}

}
