package dev.icon.market.auction;

import com.google.protobuf.ByteString;
import dev.icon.market.clearing.ClearingResult;
import dev.icon.market.clearing.Trade;
import dev.icon.proto.icon.market.ClearingInput;
import dev.icon.proto.icon.market.Exclusion;
import dev.icon.proto.icon.market.InputOffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The digests of a clearing announcement. The input digest is SHA-256 of the encoded {@code
 * ClearingInput} (each revealed offer's qualified id and offer digest, then each exclusion, both
 * sorted by id); the result digest is SHA-256 of the encoded {@code ClearingResult} (trades in the
 * mechanism's order, excluded ids, mechanism name). protobuf-java writes fields in field-number
 * order and these messages hold no maps, so the encoding is the same on every peer. Stateless and
 * thread-safe.
 */
public final class ClearingDigests {
  private ClearingDigests() {}

  /** The input digest of {@code round}. */
  public static ByteString input(SealedRound round) {
    ClearingInput.Builder b = ClearingInput.newBuilder();
    for (RevealedOffer o : round.offers()) {
      b.addOffers(InputOffer.newBuilder().setId(o.qualifiedId()).setOfferDigest(o.offerDigest()));
    }
    for (OfferExclusion e : round.exclusions()) {
      b.addExclusions(Exclusion.newBuilder().setId(e.qualifiedId()).setReason(e.reason()));
    }
    return CommitDigest.sha256(b.build().toByteArray());
  }

  /** The result digest of {@code outcome}. */
  public static ByteString result(ClearingResult outcome) {
    return result(toProto(outcome));
  }

  /** The result digest of an encoded-form result. */
  public static ByteString result(dev.icon.proto.icon.market.ClearingResult result) {
    return CommitDigest.sha256(result.toByteArray());
  }

  /** {@code outcome} as its protobuf. */
  public static dev.icon.proto.icon.market.ClearingResult toProto(ClearingResult outcome) {
    dev.icon.proto.icon.market.ClearingResult.Builder b =
        dev.icon.proto.icon.market.ClearingResult.newBuilder()
            .setMechanism(outcome.mechanism()).addAllExcluded(outcome.excluded());
    for (Trade t : outcome.trades()) {
      b.addTrades(dev.icon.proto.icon.market.Trade.newBuilder().setBid(t.bid()).setAsk(t.ask())
          .setUnits(t.units())
          .setBuyerPaysPerUnit(t.buyerPaysPerUnit()).setSellerGetsPerUnit(t.sellerGetsPerUnit()));
    }
    return b.build();
  }

  /**
   * A received result as an outcome.
   *
   * @throws MarketException {@link MarketError#MALFORMED} if a trade is out of range
   */
  public static ClearingResult fromProto(dev.icon.proto.icon.market.ClearingResult r) {
    List<Trade> trades = new ArrayList<>();
    try {
      for (dev.icon.proto.icon.market.Trade t : r.getTradesList()) {
        trades.add(new Trade(t.getBid(), t.getAsk(), t.getUnits(), t.getBuyerPaysPerUnit(),
            t.getSellerGetsPerUnit()));
      }
    } catch (IllegalArgumentException e) {
      throw new MarketException(MarketError.MALFORMED, "result: " + e.getMessage());
    }
    try {
      return new ClearingResult(trades, r.getExcludedList(), r.getMechanism());
    } catch (IllegalArgumentException e) {
      throw new MarketException(MarketError.MALFORMED, "result: " + e.getMessage());
    }
  }
}
