/**
 * An ephemeral public key infrastructure for tests: certificate authorities, leaf
 * certificates with any identity, revocation lists and PEM or key store files, all
 * generated per run with Bouncy Castle.
 */
@NullMarked
package dev.mtls.boot.test.pki;

import org.jspecify.annotations.NullMarked;
