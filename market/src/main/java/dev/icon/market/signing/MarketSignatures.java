package dev.icon.market.signing;

import dev.icon.overlay.identity.IdentityException;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.identity.PublicKey;
import java.util.Optional;

/**
 * Signs and verifies market content under a {@link SigningDomain} with the overlay's identity keys.
 * The signer's key is resolved from its peer id: ICON's Ed25519 (and secp256k1) peer ids inline
 * the public key; a peer id that does not (a sha2-256 id of an RSA or ECDSA key) cannot sign market
 * messages. Stateless and thread-safe.
 */
public final class MarketSignatures {

  /** Length of an Ed25519 signature; longer signatures are refused before any work. */
  public static final int MAX_SIGNATURE_LENGTH = 512;

  private MarketSignatures() {}

  /** Signs {@code domain.prefix || content} with {@code key}. */
  public static byte[] sign(PrivateKey key, SigningDomain domain, byte[] content) {
    return key.sign(domain.signingBytes(content));
  }

  /**
   * The public key a peer id inlines; empty when the bytes are no peer id or the id does not
   * inline a key.
   */
  public static Optional<PublicKey> keyOf(byte[] peerIdBytes) {
    try {
      return PeerId.fromBytes(peerIdBytes).extractPublicKey();
    } catch (IdentityException | IllegalArgumentException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /**
   * True when {@code signature} is {@code signer}'s signature over {@code domain.prefix ||
   * content}. False for an empty, oversized or wrong signature and for a signer whose key cannot be
   * resolved; never throws for bad input.
   */
  public static boolean verify(byte[] signerPeerId, SigningDomain domain, byte[] content,
      byte[] signature) {
    if (signature.length == 0 || signature.length > MAX_SIGNATURE_LENGTH) {
      return false;
    }
    Optional<PublicKey> key = keyOf(signerPeerId);
    return key.isPresent() && key.get().verify(domain.signingBytes(content), signature);
  }
}
