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

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import dev.mtls.boot.event.ClientAuthorizationEvent;
import dev.mtls.boot.security.MtlsAuthorizationProperties.DefaultPolicy;
import dev.mtls.boot.security.MtlsAuthorizationProperties.Mode;
import dev.mtls.boot.security.annotation.AllowClients;
import dev.mtls.boot.test.pki.CertificateAuthority;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.context.ApplicationListener;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.method.HandlerMethod;

/**
 * The per-request work of the starter, measured with JMH: what a keep-alive request on an
 * authenticated TLS session costs (identity lookup, security context, MDC, the
 * {@code @AllowClients} decision and its event), and what a certificate the application
 * has not seen before costs once (extraction and authority mapping).
 *
 * <p>
 * Run: {@code benchmarks/run.sh jmh}.
 *
 * @author mtls-spring-boot authors
 */
@State(Scope.Thread)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PerRequestBenchmarks {

	private static final String FILTERED = MtlsAuthenticationFilter.class.getName() + ".FILTERED";

	private final LongAdder decisions = new LongAdder();

	private X509Certificate certificate;

	private ClientIdentityExtractor extractor;

	private AuthorityMapper authorityMapper;

	private MtlsAuthenticator authenticator;

	private ClientIdentity identity;

	private MtlsAuthentication authentication;

	private ClientAuthorizationManager authorizationManager;

	private HandlerMethod handler;

	private MtlsAuthenticationFilter filter;

	private MockHttpServletRequest request;

	private MockHttpServletResponse response;

	private FilterChain chain;

	private GenericApplicationContext events;

	private SecurityContextHolderStrategy contextHolder;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		CertificateAuthority ca = CertificateAuthority.root("Benchmark CA");
		this.certificate = ca.certificate()
			.commonName("orders")
			.uri("spiffe://example.org/ns/prod/sa/orders")
			.dns("orders.prod.svc.cluster.local")
			.clientAuth()
			.issue()
			.certificate();
		this.extractor = new ClientIdentityExtractor(
				List.of(IdentitySource.SPIFFE, IdentitySource.URI, IdentitySource.DNS, IdentitySource.CN), List.of());
		Map<String, List<String>> clients = new LinkedHashMap<>();
		for (int i = 0; i < 8; i++) {
			clients.put("spiffe://example.org/ns/*/sa/service-" + i, List.of("service-" + i + ":read"));
		}
		clients.put("spiffe://example.org/ns/*/sa/orders", List.of("orders:read", "inventory:read"));
		clients.put("spiffe://example.org/**", List.of("mesh"));
		this.authorityMapper = new AuthorityMapper(clients);
		this.events = new GenericApplicationContext();
		this.events.registerBean("decisions", ApplicationListener.class,
				() -> (ApplicationListener<ClientAuthorizationEvent>) (event) -> this.decisions.increment());
		this.events.refresh();
		this.authenticator = new MtlsAuthenticator(this.extractor, this.authorityMapper, this.events);
		this.authentication = this.authenticator.authenticate(this.certificate);
		this.identity = this.authentication.getPrincipal();
		this.authorizationManager = new ClientAuthorizationManager(new AuthorizationRules(),
				DefaultPolicy.AUTHENTICATED);
		this.handler = new HandlerMethod(new Orders(), Orders.class.getMethod("orders"));
		this.contextHolder = SecurityContextHolder.getContextHolderStrategy();
		ProblemResponses problems = new ProblemResponses();
		this.filter = new MtlsAuthenticationFilter(this.authenticator, problems, this.contextHolder);
		MtlsAuthorizationInterceptor interceptor = new MtlsAuthorizationInterceptor(this.authorizationManager,
				Mode.ENFORCE, problems, this.events, this.contextHolder);
		this.request = new MockHttpServletRequest("GET", "/orders");
		this.request.setAttribute(MtlsAuthenticationFilter.CERTIFICATE_ATTRIBUTE,
				new X509Certificate[] { this.certificate });
		this.response = new MockHttpServletResponse();
		this.chain = (request, response) -> {
			try {
				if (!interceptor.preHandle(this.request, this.response, this.handler)) {
					throw new IllegalStateException("Denied");
				}
			}
			catch (IOException | ServletException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.events.close();
	}

	/**
	 * A keep-alive request on an authenticated TLS session, through the real filter and
	 * interceptor: identity lookup, security context, MDC, the {@code @AllowClients}
	 * decision and its event (counted by a listener).
	 * @return the identity seen by the chain
	 * @throws Exception on failure
	 */
	@Benchmark
	public Object keepAliveRequest() throws Exception {
		this.filter.doFilter(this.request, this.response, this.chain);
		this.request.removeAttribute(FILTERED);
		Object name = this.contextHolder.getContext().getAuthentication();
		this.contextHolder.clearContext();
		return name;
	}

	/**
	 * The identity lookup of a keep-alive request: the certificate of the TLS session is
	 * already known.
	 * @return the authentication
	 */
	@Benchmark
	public MtlsAuthentication identityLookup() {
		return this.authenticator.authenticate(this.certificate);
	}

	/**
	 * The {@code @AllowClients} decision for a known client.
	 * @return the decision
	 */
	@Benchmark
	public Object authorizationDecision() {
		return this.authorizationManager.authorize(() -> this.authentication, this.handler);
	}

	/**
	 * Mapping an identity to authorities (10 patterns), done once per certificate.
	 * @return the authorities
	 */
	@Benchmark
	public Object authorityMapping() {
		return this.authorityMapper.authorities(this.identity);
	}

	/**
	 * The first extraction for a certificate not seen before: parse the subject
	 * alternative names, validate the SPIFFE ID, read the CN, fingerprint, then map
	 * authorities. Done once per certificate, not per request or session.
	 * @return the authorities
	 */
	@Benchmark
	public Object firstExtraction() {
		return this.authorityMapper.authorities(this.extractor.extract(this.certificate));
	}

	/**
	 * The controller of the benchmark.
	 */
	public static class Orders {

		@AllowClients("spiffe://example.org/ns/*/sa/orders")
		public String orders() {
			return "orders";
		}

	}

}
