package dev.icon.market.negotiate;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.market.signing.MarketSignatures;
import dev.icon.market.signing.SigningDomain;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.icon.negotiate.Agreement;
import dev.icon.proto.icon.negotiate.AgreementTerms;
import java.util.Objects;

/**
 * An agreement whose fields were checked and whose two signatures (provider's and consumer's over
 * {@code icon-agreement-v1: || terms}) verified. Immutable and thread-safe; only {@link #verify}
 * creates one.
 */
public final class SignedAgreement {

  private final Agreement message;
  private final AgreementTerms terms;
  private final AgreementId id;

  private SignedAgreement(Agreement message, AgreementTerms terms) {
    this.message = message;
    this.terms = terms;
    this.id = new AgreementId(terms.getAgreementId());
  }

  /**
   * Checks an agreement: its terms' fields and both signatures.
   *
   * @throws NegotiateException ({@link NegotiateError#MALFORMED} or {@link
   *     NegotiateError#BAD_SIGNATURE}) otherwise
   */
  public static SignedAgreement verify(Agreement message) {
    Objects.requireNonNull(message, "message");
    AgreementTerms terms;
    try {
      terms = AgreementTerms.parseFrom(message.getTerms());
    } catch (InvalidProtocolBufferException e) {
      throw TermsCheck.malformed("unparsable agreement terms: " + e.getMessage());
    }
    TermsCheck.agreement(terms);
    byte[] signed = message.getTerms().toByteArray();
    if (!MarketSignatures.verify(terms.getProvider().toByteArray(), SigningDomain.AGREEMENT,
        signed, message.getProviderSignature().toByteArray())) {
      throw new NegotiateException(NegotiateError.BAD_SIGNATURE, "provider signature of agreement "
          + new AgreementId(terms.getAgreementId()) + " does not verify");
    }
    if (!MarketSignatures.verify(terms.getConsumer().toByteArray(), SigningDomain.AGREEMENT,
        signed, message.getConsumerSignature().toByteArray())) {
      throw new NegotiateException(NegotiateError.BAD_SIGNATURE, "consumer signature of agreement "
          + new AgreementId(terms.getAgreementId()) + " does not verify");
    }
    return new SignedAgreement(message, terms);
  }

  /**
   * Parses and checks stored bytes (see {@link #verify(Agreement)}).
   *
   * @throws NegotiateException if the bytes are no valid agreement
   */
  public static SignedAgreement verify(byte[] bytes) {
    try {
      return verify(Agreement.parseFrom(bytes));
    } catch (InvalidProtocolBufferException e) {
      throw TermsCheck.malformed("unparsable agreement: " + e.getMessage());
    }
  }

  /** The agreement's id. */
  public AgreementId id() {
    return id;
  }

  /** The agreed terms. */
  public AgreementTerms terms() {
    return terms;
  }

  /** The consumer (ICON). */
  public PeerId consumer() {
    return PeerId.fromBytes(terms.getConsumer().toByteArray());
  }

  /** The provider. */
  public PeerId provider() {
    return PeerId.fromBytes(terms.getProvider().toByteArray());
  }

  /** The wire message: terms bytes and both signatures. */
  public Agreement message() {
    return message;
  }

  /** The serialized {@link Agreement}, as stored. */
  public byte[] toByteArray() {
    return message.toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedAgreement other && message.equals(other.message);
  }

  @Override
  public int hashCode() {
    return message.hashCode();
  }

  @Override
  public String toString() {
    return "SignedAgreement[" + id + ", consumer=" + consumer() + ", provider=" + provider() + "]";
  }
}
