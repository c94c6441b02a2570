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
package dev.mtls.boot.server;

import java.util.ArrayList;
import java.util.List;

import dev.mtls.boot.server.MtlsServerProperties.ClientAuth;
import dev.mtls.boot.ssl.MaterialSource;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.util.net.openssl.ciphers.OpenSSLCipherConfigurationParser;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.util.Assert;

/**
 * Turns Tomcat's connector into an mTLS endpoint: HTTPS with the bundle's long-lived
 * {@link javax.net.ssl.SSLContext}, client certificates required (or requested), and the
 * bundle's protocols and cipher suites.
 *
 * @author mtls-spring-boot authors
 */
final class MtlsTomcatConnectorCustomizer implements TomcatConnectorCustomizer {

	private final MaterialSource source;

	private final ClientAuth clientAuth;

	MtlsTomcatConnectorCustomizer(MaterialSource source, ClientAuth clientAuth) {
		this.source = source;
		this.clientAuth = clientAuth;
	}

	@Override
	public void customize(Connector connector) {
		ProtocolHandler handler = connector.getProtocolHandler();
		Assert.state(handler instanceof AbstractHttp11Protocol,
				() -> "Unable to apply mTLS bundle '%s' to the server: the connector's protocol handler %s is not an HTTP/1.1 protocol"
					.formatted(this.source.bundleName(), handler.getClass().getName()));
		AbstractHttp11Protocol<?> protocol = (AbstractHttp11Protocol<?>) handler;
		protocol.setSSLEnabled(true);
		protocol.addSslHostConfig(sslHostConfig(protocol.getDefaultSSLHostConfigName()), true);
		connector.setScheme("https");
		connector.setSecure(true);
	}

	private SSLHostConfig sslHostConfig(String hostName) {
		SSLHostConfig config = new SSLHostConfig();
		config.setHostName(hostName);
		config.setCertificateVerification((this.clientAuth == ClientAuth.NEED) ? "required" : "optional");
		config.setProtocols(String.join("+", this.source.protocols()));
		List<String> tls13 = new ArrayList<>();
		List<String> tls12 = new ArrayList<>();
		for (String cipher : this.source.ciphers()) {
			(OpenSSLCipherConfigurationParser.isTls13Cipher(cipher) ? tls13 : tls12).add(cipher);
		}
		config.setCiphers(String.join(",", tls12));
		if (!tls13.isEmpty()) {
			config.setCipherSuites(String.join(",", tls13));
		}
		if (!this.source.namedGroups().isEmpty()) {
			config.setGroups(String.join(":", this.source.namedGroups()));
		}
		SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(config,
				SSLHostConfigCertificate.Type.UNDEFINED);
		certificate.setSslContext(new TomcatSslContext(this.source));
		config.addCertificate(certificate);
		return config;
	}

}
