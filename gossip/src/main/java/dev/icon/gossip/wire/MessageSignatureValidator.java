package dev.icon.gossip.wire;

import dev.icon.overlay.identity.IdentityException;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PublicKey;
import dev.icon.proto.libp2p.pubsub.Message;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a received pubsub message against a {@link SignaturePolicy}, following the pubsub spec's
 * "Message Signing" and the checks (and their order) of js-libp2p's gossipsub. Never throws for bad
 * input: every defect maps to a {@link SignatureVerdict}.
 *
 * <p>Immutable and thread-safe. Signature verification costs one public-key operation per call;
 * run it after the cheap duplicate checks.
 */
public final class MessageSignatureValidator {

  private final SignaturePolicy policy;

  /** A validator enforcing {@code policy}. */
  public MessageSignatureValidator(SignaturePolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** The policy enforced. */
  public SignaturePolicy policy() {
    return policy;
  }

  /** Validates {@code message}; see {@link SignatureVerdict} for the possible rejections. */
  public SignatureVerdict validate(Message message) {
    return switch (policy) {
      case STRICT_SIGN -> validateSigned(message);
      case STRICT_NO_SIGN -> validateUnsigned(message);
    };
  }

  private static SignatureVerdict validateUnsigned(Message message) {
    if (message.hasSignature()) {
      return SignatureVerdict.UNEXPECTED_SIGNATURE;
    }
    if (message.hasSeqno()) {
      return SignatureVerdict.UNEXPECTED_SEQNO;
    }
    if (message.hasFrom()) {
      return SignatureVerdict.UNEXPECTED_FROM;
    }
    if (message.hasKey()) {
      return SignatureVerdict.UNEXPECTED_KEY;
    }
    return SignatureVerdict.ACCEPT;
  }

  private static SignatureVerdict validateSigned(Message message) {
    if (!message.hasSeqno()) {
      return SignatureVerdict.MISSING_SEQNO;
    }
    if (message.getSeqno().size() != MessageSigning.SEQNO_LENGTH) {
      return SignatureVerdict.BAD_SEQNO_LENGTH;
    }
    if (!message.hasSignature()) {
      return SignatureVerdict.MISSING_SIGNATURE;
    }
    if (!message.hasFrom()) {
      return SignatureVerdict.MISSING_FROM;
    }
    PeerId author;
    try {
      author = PeerId.fromBytes(message.getFrom().toByteArray());
    } catch (IdentityException e) {
      return SignatureVerdict.INVALID_FROM;
    }
    PublicKey key;
    if (message.hasKey()) {
      try {
        key = PublicKey.fromProtobuf(message.getKey().toByteArray());
      } catch (IdentityException e) {
        return SignatureVerdict.INVALID_KEY;
      }
      if (!PeerId.fromPublicKey(key).equals(author)) {
        return SignatureVerdict.KEY_MISMATCH;
      }
    } else {
      Optional<PublicKey> inlined;
      try {
        inlined = author.extractPublicKey();
      } catch (IdentityException e) {
        return SignatureVerdict.INVALID_FROM;
      }
      if (inlined.isEmpty()) {
        return SignatureVerdict.MISSING_KEY;
      }
      key = inlined.get();
    }
    byte[] signed = MessageSigning.signingInput(message);
    return key.verify(signed, message.getSignature().toByteArray())
        ? SignatureVerdict.ACCEPT
        : SignatureVerdict.BAD_SIGNATURE;
  }
}
