package dev.icon.market.receipt;

import com.google.protobuf.ByteString;
import dev.icon.market.negotiate.AgreementId;
import dev.icon.market.negotiate.NegotiateProtocol;
import dev.icon.market.negotiate.SignedAgreement;
import dev.icon.market.signing.MarketSignatures;
import dev.icon.market.signing.SigningDomain;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.negotiate.ReceiptBody;
import dev.icon.proto.icon.negotiate.UsageReceipt;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The ICON's side of paying: signs receipts of the cumulative amount owed under an agreement,
 * numbering them 1, 2, 3... per agreement. Refuses to sign an amount below the last one signed or
 * above the agreement's maximum, so an honest ICON never issues a receipt a provider must refuse.
 * Thread-safe (one lock); the issue time comes from the injected clock.
 */
public final class ReceiptSigner {

  private record Last(long sequence, long cumulativeMicros) {}

  private final PrivateKey key;
  private final Clock clock;
  private final Map<AgreementId, Last> last = new HashMap<>();

  /** A signer with the ICON's identity {@code key}. */
  public ReceiptSigner(PrivateKey key, Clock clock) {
    this.key = Objects.requireNonNull(key, "key");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Signs a receipt for {@code cumulativeMicros} owed so far under {@code agreement}.
   *
   * @throws IllegalArgumentException if we are not the agreement's consumer, or the amount is
   *     negative, below the last one signed, or above the agreement's maximum
   */
  public synchronized UsageReceipt sign(SignedAgreement agreement, long cumulativeMicros) {
    if (!agreement.consumer().equals(key.publicKey().peerId())) {
      throw new IllegalArgumentException("agreement " + agreement.id() + " is not ours to pay");
    }
    Last previous = last.getOrDefault(agreement.id(), new Last(0, 0));
    if (cumulativeMicros < previous.cumulativeMicros) {
      throw new IllegalArgumentException("cumulativeMicros " + cumulativeMicros
          + " is below the last receipt's " + previous.cumulativeMicros);
    }
    if (cumulativeMicros > agreement.terms().getMaxTotalMicros()) {
      throw new IllegalArgumentException("cumulativeMicros " + cumulativeMicros
          + " exceeds the agreement's maximum " + agreement.terms().getMaxTotalMicros());
    }
    long sequence = previous.sequence + 1;
    ReceiptBody body = ReceiptBody.newBuilder()
        .setVersion(NegotiateProtocol.SCHEMA_VERSION)
        .setAgreementId(agreement.id().bytes())
        .setConsumer(agreement.terms().getConsumer())
        .setProvider(agreement.terms().getProvider())
        .setSequence(sequence)
        .setCumulativeMicros(cumulativeMicros)
        .setIssuedAtMillis(clock.millis())
        .build();
    ByteString bytes = body.toByteString();
    byte[] signature = MarketSignatures.sign(key, SigningDomain.RECEIPT, bytes.toByteArray());
    last.put(agreement.id(), new Last(sequence, cumulativeMicros));
    return UsageReceipt.newBuilder().setBody(bytes).setSignature(ByteString.copyFrom(signature))
        .build();
  }
}
