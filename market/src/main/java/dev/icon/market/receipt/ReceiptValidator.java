package dev.icon.market.receipt;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.market.negotiate.AgreementId;
import dev.icon.market.negotiate.AgreementStore;
import dev.icon.market.negotiate.NegotiateException;
import dev.icon.market.negotiate.NegotiateProtocol;
import dev.icon.market.negotiate.SignedAgreement;
import dev.icon.market.signing.MarketSignatures;
import dev.icon.market.signing.SigningDomain;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.icon.negotiate.ReceiptBody;
import dev.icon.proto.icon.negotiate.UsageReceipt;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's check of the usage receipts an ICON pays with. A receipt is accepted, and
 * recorded in the {@link ReceiptBook}, only when: it parses and is at most {@link
 * #MAX_RECEIPT_SIZE} bytes; its agreement is in the {@link AgreementStore} (and verifies) with us as
 * provider and the receipt's consumer and provider as its peers; the agreement's consumer signed it
 * ({@code icon-receipt-v1:}); it was not issued beyond the allowed clock skew in the future; its
 * sequence is above the last accepted one; its cumulative amount is at least the last accepted one
 * and at most the agreement's {@code max_total_micros}. Otherwise the verdict names the {@link
 * ReceiptError}, the refusal is logged at debug level (receipts are remote input), and nothing is
 * recorded.
 *
 * <p>Thread-safe: concurrent receipts of one agreement are ordered by the book's compare-and-set
 * (a loser is checked again against the winner). Verified agreements are cached by id (they never
 * change once stored).
 */
public final class ReceiptValidator {

  /** Largest receipt accepted, in bytes (a receipt is about 200). */
  public static final int MAX_RECEIPT_SIZE = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(ReceiptValidator.class);

  private final PeerId self;
  private final AgreementStore agreements;
  private final ReceiptBook book;
  private final Clock clock;
  private final Duration maxSkew;
  private final Map<AgreementId, SignedAgreement> verified = new ConcurrentHashMap<>();

  /**
   * A validator for provider {@code self}.
   *
   * @param maxSkew how far in the future a receipt's issue time may lie (peers' clocks differ)
   */
  public ReceiptValidator(PeerId self, AgreementStore agreements, ReceiptBook book, Clock clock,
      Duration maxSkew) {
    this.self = Objects.requireNonNull(self, "self");
    this.agreements = Objects.requireNonNull(agreements, "agreements");
    this.book = Objects.requireNonNull(book, "book");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
    if (maxSkew.isNegative()) {
      throw new IllegalArgumentException("maxSkew must not be negative: " + maxSkew);
    }
  }

  /** Checks a serialized {@link UsageReceipt} (see {@link #validate(UsageReceipt)}). */
  public ReceiptVerdict validate(byte[] receipt) {
    if (receipt.length > MAX_RECEIPT_SIZE) {
      return refuse(ReceiptVerdict.rejected(ReceiptError.OVERSIZED,
          "receipt of " + receipt.length + " bytes exceeds " + MAX_RECEIPT_SIZE, null));
    }
    try {
      return validate(UsageReceipt.parseFrom(receipt));
    } catch (InvalidProtocolBufferException e) {
      return refuse(ReceiptVerdict.rejected(ReceiptError.MALFORMED,
          "unparsable receipt: " + e.getMessage(), null));
    }
  }

  /** Checks {@code receipt} and records it when accepted. */
  public ReceiptVerdict validate(UsageReceipt receipt) {
    return refuse(check(receipt));
  }

  private ReceiptVerdict check(UsageReceipt receipt) {
    if (receipt.getSerializedSize() > MAX_RECEIPT_SIZE) {
      return ReceiptVerdict.rejected(ReceiptError.OVERSIZED,
          "receipt of " + receipt.getSerializedSize() + " bytes exceeds " + MAX_RECEIPT_SIZE, null);
    }
    ReceiptBody body;
    try {
      body = ReceiptBody.parseFrom(receipt.getBody());
    } catch (InvalidProtocolBufferException e) {
      return ReceiptVerdict.rejected(ReceiptError.MALFORMED,
          "unparsable receipt body: " + e.getMessage(), null);
    }
    if (body.getVersion() != NegotiateProtocol.SCHEMA_VERSION
        || body.getAgreementId().size() != NegotiateProtocol.ID_LENGTH) {
      return ReceiptVerdict.rejected(ReceiptError.MALFORMED,
          "version " + body.getVersion() + " or agreement id length " + body.getAgreementId().size()
              + " invalid", null);
    }
    AgreementId id = new AgreementId(body.getAgreementId());
    if (body.getSequence() <= 0 || body.getCumulativeMicros() < 0) {
      return ReceiptVerdict.rejected(ReceiptError.MALFORMED,
          "sequence must be positive and the amount not negative", id);
    }
    Optional<SignedAgreement> found = agreement(id);
    if (found.isEmpty()) {
      return ReceiptVerdict.rejected(ReceiptError.UNKNOWN_AGREEMENT, "no agreement " + id, id);
    }
    SignedAgreement agreement = found.get();
    ByteString selfBytes = ByteString.copyFrom(self.toBytes());
    if (!agreement.terms().getProvider().equals(selfBytes)
        || !body.getProvider().equals(selfBytes)
        || !body.getConsumer().equals(agreement.terms().getConsumer())) {
      return ReceiptVerdict.rejected(ReceiptError.WRONG_PEER,
          "receipt's or agreement's peers are not this provider and the agreement's consumer", id);
    }
    if (!MarketSignatures.verify(agreement.terms().getConsumer().toByteArray(),
        SigningDomain.RECEIPT, receipt.getBody().toByteArray(),
        receipt.getSignature().toByteArray())) {
      return ReceiptVerdict.rejected(ReceiptError.BAD_SIGNATURE,
          "receipt not signed by the agreement's consumer " + agreement.consumer(), id);
    }
    long now = clock.millis();
    if (body.getIssuedAtMillis() > now + maxSkew.toMillis()) {
      return ReceiptVerdict.rejected(ReceiptError.FROM_FUTURE,
          "issued at " + body.getIssuedAtMillis() + " ms, now " + now, id);
    }
    long max = agreement.terms().getMaxTotalMicros();
    if (body.getCumulativeMicros() > max) {
      return ReceiptVerdict.rejected(ReceiptError.EXCEEDS_AGREEMENT,
          "cumulative " + body.getCumulativeMicros() + " exceeds the agreement's maximum " + max,
          id);
    }
    ReceiptBook.Entry next =
        new ReceiptBook.Entry(body.getSequence(), body.getCumulativeMicros(), receipt.toByteArray());
    while (true) {
      ReceiptBook.Entry last = book.last(id).orElse(null);
      if (last != null && Long.compareUnsigned(body.getSequence(), last.sequence()) <= 0) {
        return ReceiptVerdict.rejected(ReceiptError.STALE_SEQUENCE, "sequence "
            + Long.toUnsignedString(body.getSequence()) + " not above the last accepted "
            + Long.toUnsignedString(last.sequence()), id);
      }
      long previous = last == null ? 0 : last.cumulativeMicros();
      if (body.getCumulativeMicros() < previous) {
        return ReceiptVerdict.rejected(ReceiptError.BACKWARDS, "cumulative "
            + body.getCumulativeMicros() + " below the last accepted " + previous, id);
      }
      if (book.compareAndSet(id, last, next)) {
        return ReceiptVerdict.accepted(id, body.getCumulativeMicros(),
            body.getCumulativeMicros() - previous);
      }
    }
  }

  private Optional<SignedAgreement> agreement(AgreementId id) {
    SignedAgreement cached = verified.get(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<byte[]> bytes = agreements.find(id);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      SignedAgreement agreement = SignedAgreement.verify(bytes.get());
      if (!agreement.id().equals(id)) {
        return Optional.empty();
      }
      verified.put(id, agreement);
      return Optional.of(agreement);
    } catch (NegotiateException e) {
      LOG.warn("stored agreement {} does not verify: {}", id, e.getMessage());
      return Optional.empty();
    }
  }

  private static ReceiptVerdict refuse(ReceiptVerdict verdict) {
    if (!verdict.isAccepted()) {
      LOG.debug("receipt refused ({}): {}", verdict.error(), verdict.detail());
    }
    return verdict;
  }
}
