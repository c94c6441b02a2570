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

/**
 * Records peer verification outcomes of a bundle, for assertions.
 *
 * @author mtls-spring-boot authors
 */
public class RecordingVerificationListener implements PeerVerificationListener {

	private final List<String> outcomes = new CopyOnWriteArrayList<>();

	private final List<Duration> handshakes = new CopyOnWriteArrayList<>();

	public static RecordingVerificationListener attach(MaterialSource source) {
		RecordingVerificationListener listener = new RecordingVerificationListener();
		source.addVerificationListener(listener);
		return listener;
	}

	@Override
	public void accepted(Side side) {
		this.outcomes.add(side.tag() + ":accepted");
	}

	@Override
	public void rejected(Side side, PeerRejection reason) {
		this.outcomes.add(side.tag() + ":" + reason.tag());
	}

	@Override
	public void handshakeCompleted(Side side, Duration duration) {
		this.handshakes.add(duration);
	}

	public List<String> outcomes() {
		return this.outcomes;
	}

	public List<Duration> handshakes() {
		return this.handshakes;
	}

	public void clear() {
		this.outcomes.clear();
		this.handshakes.clear();
	}

}
