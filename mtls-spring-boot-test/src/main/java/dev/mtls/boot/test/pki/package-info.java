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
/**
 * An ephemeral public key infrastructure for tests: certificate authorities, leaf
 * certificates with any identity, revocation lists and PEM or key store files, all
 * generated per run with Bouncy Castle.
 */
@NullMarked
package dev.mtls.boot.test.pki;

import org.jspecify.annotations.NullMarked;
