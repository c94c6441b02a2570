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

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

import dev.mtls.boot.ssl.PeerVerificationListener.Side;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.log.LogMessage;

/**
 * An {@link SSLEngine} that tells the bundle's listeners how long its handshake took, and
 * counts handshakes that fail before the trust manager is asked (no client certificate,
 * no common protocol or suite). Everything else is delegated unchanged.
 *
 * @author mtls-spring-boot authors
 */
final class ObservedSslEngine extends SSLEngine {

	private static final Log logger = LogFactory.getLog(ObservedSslEngine.class);

	private final SSLEngine delegate;

	private final PeerVerificationListener listener;

	private long started;

	private boolean finished;

	/**
	 * Whether engines need observing when no listener is registered: only to log failed
	 * handshakes at debug level.
	 * @return whether debug logging of failed handshakes is on
	 */
	static boolean logsFailures() {
		return logger.isDebugEnabled();
	}

	ObservedSslEngine(SSLEngine delegate, PeerVerificationListener listener) {
		super(delegate.getPeerHost(), delegate.getPeerPort());
		this.delegate = delegate;
		this.listener = listener;
	}

	@Override
	public SSLEngineResult wrap(ByteBuffer[] sources, int offset, int length, ByteBuffer destination)
			throws SSLException {
		if (this.finished) {
			return this.delegate.wrap(sources, offset, length, destination);
		}
		return observe(() -> this.delegate.wrap(sources, offset, length, destination));
	}

	@Override
	public SSLEngineResult unwrap(ByteBuffer source, ByteBuffer[] destinations, int offset, int length)
			throws SSLException {
		if (this.finished) {
			return this.delegate.unwrap(source, destinations, offset, length);
		}
		return observe(() -> this.delegate.unwrap(source, destinations, offset, length));
	}

	private SSLEngineResult observe(EngineCall call) throws SSLException {
		if (this.started == 0) {
			this.started = System.nanoTime();
		}
		try {
			SSLEngineResult result = call.run();
			if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.FINISHED) {
				this.finished = true;
				this.listener.handshakeCompleted(side(), Duration.ofNanos(System.nanoTime() - this.started));
			}
			return result;
		}
		catch (SSLException ex) {
			this.finished = true;
			if (!decidedByTrustManager(ex)) {
				PeerRejection reason = classify(ex);
				this.listener.rejected(side(), reason);
				if (logger.isDebugEnabled()) {
					logger.debug(LogMessage.format("%s handshake%s failed (%s): %s",
							(side() == Side.SERVER) ? "Server" : "Client", peer(), reason.tag(), ex.getMessage()));
				}
			}
			throw ex;
		}
	}

	private String peer() {
		String host = this.delegate.getPeerHost();
		return (host != null) ? " with " + host + ":" + this.delegate.getPeerPort() : "";
	}

	private Side side() {
		return this.delegate.getUseClientMode() ? Side.CLIENT : Side.SERVER;
	}

	private static boolean decidedByTrustManager(Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < 10; depth++) {
			if (cause instanceof PeerRejectedException) {
				return true;
			}
			cause = cause.getCause();
		}
		return false;
	}

	private static PeerRejection classify(SSLException failure) {
		String message = String.valueOf(failure.getMessage());
		if (message.contains("Empty client certificate chain") || message.contains("certificate_required")) {
			return PeerRejection.NO_CERTIFICATE;
		}
		if (message.contains("certificate chain length")) {
			return PeerRejection.CHAIN_TOO_LONG;
		}
		return PeerRejection.OTHER;
	}

	@Override
	public Runnable getDelegatedTask() {
		return this.delegate.getDelegatedTask();
	}

	@Override
	public void closeInbound() throws SSLException {
		this.delegate.closeInbound();
	}

	@Override
	public boolean isInboundDone() {
		return this.delegate.isInboundDone();
	}

	@Override
	public void closeOutbound() {
		this.delegate.closeOutbound();
	}

	@Override
	public boolean isOutboundDone() {
		return this.delegate.isOutboundDone();
	}

	@Override
	public String[] getSupportedCipherSuites() {
		return this.delegate.getSupportedCipherSuites();
	}

	@Override
	public String[] getEnabledCipherSuites() {
		return this.delegate.getEnabledCipherSuites();
	}

	@Override
	public void setEnabledCipherSuites(String[] suites) {
		this.delegate.setEnabledCipherSuites(suites);
	}

	@Override
	public String[] getSupportedProtocols() {
		return this.delegate.getSupportedProtocols();
	}

	@Override
	public String[] getEnabledProtocols() {
		return this.delegate.getEnabledProtocols();
	}

	@Override
	public void setEnabledProtocols(String[] protocols) {
		this.delegate.setEnabledProtocols(protocols);
	}

	@Override
	public SSLSession getSession() {
		return this.delegate.getSession();
	}

	@Override
	public SSLSession getHandshakeSession() {
		return this.delegate.getHandshakeSession();
	}

	@Override
	public void beginHandshake() throws SSLException {
		this.delegate.beginHandshake();
	}

	@Override
	public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
		return this.delegate.getHandshakeStatus();
	}

	@Override
	public void setUseClientMode(boolean mode) {
		this.delegate.setUseClientMode(mode);
	}

	@Override
	public boolean getUseClientMode() {
		return this.delegate.getUseClientMode();
	}

	@Override
	public void setNeedClientAuth(boolean need) {
		this.delegate.setNeedClientAuth(need);
	}

	@Override
	public boolean getNeedClientAuth() {
		return this.delegate.getNeedClientAuth();
	}

	@Override
	public void setWantClientAuth(boolean want) {
		this.delegate.setWantClientAuth(want);
	}

	@Override
	public boolean getWantClientAuth() {
		return this.delegate.getWantClientAuth();
	}

	@Override
	public void setEnableSessionCreation(boolean flag) {
		this.delegate.setEnableSessionCreation(flag);
	}

	@Override
	public boolean getEnableSessionCreation() {
		return this.delegate.getEnableSessionCreation();
	}

	@Override
	public SSLParameters getSSLParameters() {
		return this.delegate.getSSLParameters();
	}

	@Override
	public void setSSLParameters(SSLParameters parameters) {
		this.delegate.setSSLParameters(parameters);
	}

	@Override
	public String getApplicationProtocol() {
		return this.delegate.getApplicationProtocol();
	}

	@Override
	public String getHandshakeApplicationProtocol() {
		return this.delegate.getHandshakeApplicationProtocol();
	}

	@Override
	public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
		this.delegate.setHandshakeApplicationProtocolSelector(selector);
	}

	@Override
	public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
		return this.delegate.getHandshakeApplicationProtocolSelector();
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

	@FunctionalInterface
	private interface EngineCall {

		SSLEngineResult run() throws SSLException;

	}

}
