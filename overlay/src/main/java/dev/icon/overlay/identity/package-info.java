/**
 * Peer identities: libp2p keys (Ed25519 for our own identity; secp256k1, ECDSA and RSA public keys
 * verified when peers present them), peer ids per the libp2p peer-ids spec, and the key file.
 *
 * <p>Every failure on untrusted input is an {@link dev.icon.overlay.identity.IdentityException}
 * whose {@link dev.icon.overlay.identity.IdentityError} says what was wrong.
 */
package dev.icon.overlay.identity;
