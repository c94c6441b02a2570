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

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of a bundle's reloads so far: counts, the last attempt and, for a refused
 * one, why.
 *
 * @param successes how many reloads succeeded
 * @param failures how many changes were refused (each failing content counts once)
 * @param lastAttempt when the last reload was attempted, or {@code null}
 * @param lastSuccess when the last reload succeeded, or {@code null}
 * @param lastFailureReason why the last refused change was refused, or {@code null} if
 * the last attempt succeeded
 * @param lastFailureMessage the message of that refusal, or {@code null}
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public record ReloadStatus(long successes, long failures, @Nullable Instant lastAttempt, @Nullable Instant lastSuccess,
		MtlsBundleException.@Nullable Reason lastFailureReason, @Nullable String lastFailureMessage) {

	static final ReloadStatus NONE = new ReloadStatus(0, 0, null, null, null, null);

	ReloadStatus succeeded(Instant time) {
		return new ReloadStatus(this.successes + 1, this.failures, time, time, null, null);
	}

	ReloadStatus failed(Instant time, MtlsBundleException.Reason reason, String message) {
		return new ReloadStatus(this.successes, this.failures + 1, time, this.lastSuccess, reason, message);
	}

	/**
	 * Return the outcome of the last attempt: {@code none}, {@code success} or
	 * {@code failure}.
	 * @return the outcome
	 */
	public String lastOutcome() {
		if (this.lastAttempt == null) {
			return "none";
		}
		return (this.lastFailureReason != null) ? "failure" : "success";
	}

}
