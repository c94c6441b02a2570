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
package dev.mtls.boot.test.files;

/**
 * The ways in which certificate, key and trust files get replaced in practice.
 *
 * @author mtls-spring-boot authors
 * @since 0.1.0
 */
public enum Replacement {

	/**
	 * Each file is rewritten in place (truncated and written), certificate first, then
	 * key, then trust, as separate writes.
	 */
	IN_PLACE,

	/**
	 * Like {@link #IN_PLACE} but the key is written before the certificate.
	 */
	IN_PLACE_KEY_FIRST,

	/**
	 * Each file is written to a temporary file in the same directory and renamed over the
	 * old one.
	 */
	RENAME,

	/**
	 * A Kubernetes Secret or ConfigMap volume: {@code tls.crt -> ..data/tls.crt},
	 * {@code ..data -> ..<timestamp>}; a new timestamped directory is written, a new
	 * {@code ..data} link is renamed over the old one, and the old directory is deleted.
	 */
	KUBERNETES,

	/**
	 * The files are deleted, and written again by a later call.
	 */
	DELETE_AND_RECREATE

}
