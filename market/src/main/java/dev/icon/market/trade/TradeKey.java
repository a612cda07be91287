package dev.icon.market.trade;

import dev.icon.market.auction.MatchedPair;
import dev.icon.proto.icon.negotiate.MarketTrade;
import java.util.Objects;

/**
 * Names one trade of a cleared round: the round and the qualified ({@code <peer id>/<id>}) bid
 * and ask ids. Immutable.
 */
public record TradeKey(long round, String bid, String ask) {

  /** Rejects nulls. */
  public TradeKey {
    Objects.requireNonNull(bid, "bid");
    Objects.requireNonNull(ask, "ask");
  }

  /** The key of a matched pair. */
  public static TradeKey of(MatchedPair pair) {
    return new TradeKey(pair.round(), pair.trade().bid(), pair.trade().ask());
  }

  /** The key a request's {@code market_trade} names. */
  public static TradeKey of(MarketTrade trade) {
    return new TradeKey(trade.getRound(), trade.getBid(), trade.getAsk());
  }

  /** As sent in a request. */
  public MarketTrade toProto() {
    return MarketTrade.newBuilder().setRound(round).setBid(bid).setAsk(ask).build();
  }

  @Override
  public String toString() {
    return "round " + Long.toUnsignedString(round) + " " + bid + " x " + ask;
  }
}
