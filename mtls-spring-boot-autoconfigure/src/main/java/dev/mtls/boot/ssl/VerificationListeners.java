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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The {@link PeerVerificationListener listeners} of one bundle. A listener that throws is
 * logged and ignored: a handshake never fails because of an observer.
 *
 * @author mtls-spring-boot authors
 */
final class VerificationListeners implements PeerVerificationListener {

	private static final Log logger = LogFactory.getLog(VerificationListeners.class);

	private final List<PeerVerificationListener> listeners = new CopyOnWriteArrayList<>();

	void add(PeerVerificationListener listener) {
		this.listeners.add(listener);
	}

	boolean isEmpty() {
		return this.listeners.isEmpty();
	}

	@Override
	public void accepted(Side side) {
		for (PeerVerificationListener listener : this.listeners) {
			try {
				listener.accepted(side);
			}
			catch (RuntimeException ex) {
				logger.debug("Verification listener failed", ex);
			}
		}
	}

	@Override
	public void rejected(Side side, PeerRejection reason) {
		for (PeerVerificationListener listener : this.listeners) {
			try {
				listener.rejected(side, reason);
			}
			catch (RuntimeException ex) {
				logger.debug("Verification listener failed", ex);
			}
		}
	}

	@Override
	public void handshakeCompleted(Side side, Duration duration) {
		for (PeerVerificationListener listener : this.listeners) {
			try {
				listener.handshakeCompleted(side, duration);
			}
			catch (RuntimeException ex) {
				logger.debug("Verification listener failed", ex);
			}
		}
	}

}
