package dev.icon.market.auction;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.proto.icon.market.Ask;
import dev.icon.proto.icon.market.Bid;
import dev.icon.proto.icon.market.Offer;

/**
 * {@link MarketOffer} to and from the {@code Offer} protobuf. The bytes {@link #encode} returns are
 * what a commit seals and a reveal carries; a receiver hashes exactly the bytes it received, so
 * the encoding need not be canonical across implementations. Stateless and thread-safe.
 */
public final class OfferCodec {
  private OfferCodec() {}

  /** The encoded {@code Offer}. */
  public static byte[] encode(MarketOffer offer) {
    Offer.Builder b = Offer.newBuilder();
    if (offer instanceof BidOffer bid) {
      Bid.Builder p = Bid.newBuilder().setId(bid.id()).setValuePerUnit(bid.valuePerUnit())
          .setUnits(bid.units()).addAllAcceptAsks(bid.acceptAsks())
          .addAllAcceptProviders(bid.acceptProviders());
      if (bid.unit() != null) {
        p.setUnit(bid.unit());
      }
      b.setBid(p);
    } else if (offer instanceof AskOffer ask) {
      Ask.Builder p = Ask.newBuilder().setId(ask.id()).setCostPerUnit(ask.costPerUnit())
          .setUnits(ask.units());
      if (ask.unit() != null) {
        p.setUnit(ask.unit());
      }
      b.setAsk(p);
    }
    return b.build().toByteArray();
  }

  /**
   * Decodes and validates an encoded {@code Offer}.
   *
   * @throws MarketException {@link MarketError#MALFORMED} if undecodable, neither bid nor ask, or
   *     a field is out of range
   */
  public static MarketOffer decode(byte[] bytes) {
    Offer offer;
    try {
      offer = Offer.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new MarketException(MarketError.MALFORMED, "undecodable Offer: " + e.getMessage());
    }
    return switch (offer.getKindCase()) {
      case BID -> {
        Bid p = offer.getBid();
        yield new BidOffer(p.getId(), p.getValuePerUnit(), p.getUnits(), p.getAcceptAsksList(),
            p.getAcceptProvidersList(), p.hasUnit() ? p.getUnit() : null);
      }
      case ASK -> {
        Ask p = offer.getAsk();
        yield new AskOffer(p.getId(), p.getCostPerUnit(), p.getUnits(),
            p.hasUnit() ? p.getUnit() : null);
      }
      default -> throw new MarketException(MarketError.MALFORMED, "Offer is neither bid nor ask");
    };
  }
}
