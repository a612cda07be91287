package dev.icon.market.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.icon.market.auction.MatchedPair;
import dev.icon.market.clearing.Trade;
import dev.icon.market.negotiate.CapacityOfferPolicy;
import dev.icon.market.negotiate.OfferPolicy.Quote;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.negotiate.AgreementTerms;
import dev.icon.proto.icon.negotiate.RequestTerms;
import dev.icon.proto.icon.resources.ResourceSpec;
import org.junit.jupiter.api.Test;

/** A provider sells only what cleared: right trade, bidder, units, price; once per trade. */
class ClearedTradePolicyTest {

  private static final ResourceSpec UNIT =
      ResourceSpec.newBuilder().setCpuMillis(100).setMemoryMib(100).build();
  private final PeerId provider = peer();
  private final PeerId buyer = peer();
  private final PeerId stranger = peer();
  private final ClearedTrades trades = new ClearedTrades(provider, 4);
  private final CapacityOfferPolicy capacity = new CapacityOfferPolicy(0, 1_000, 1_000);
  private final ClearedTradePolicy policy = new ClearedTradePolicy(trades, capacity);
  private final MatchedPair pair = pair(7, "b1", "a1", 3, 40_000);

  private static PeerId peer() {
    return PrivateKey.generateEd25519().publicKey().peerId();
  }

  private MatchedPair pair(long round, String bid, String ask, long units, long price) {
    return new MatchedPair(round, new Trade(buyer.toBase58() + "/" + bid,
        provider.toBase58() + "/" + ask, units, price, price), buyer, provider);
  }

  private static RequestTerms request(MatchedPair p, long units, long maxPrice, int id) {
    return RequestTerms.newBuilder().setRequestId(ByteString.copyFrom(new byte[] {(byte) id}))
        .setResources(UNIT).setUnits((int) units).setMaxPriceMicrosPerUnitHour(maxPrice)
        .setMarketTrade(TradeKey.of(p).toProto()).build();
  }

  private static AgreementTerms terms(RequestTerms r) {
    return AgreementTerms.newBuilder().setRequestId(r.getRequestId()).setResources(UNIT)
        .setUnits(r.getUnits()).build();
  }

  @Test
  void quotesTheClearingPriceForTheMatchedBidderOnceAndReservesCapacity() {
    trades.onMatched(pair);
    RequestTerms r = request(pair, 3, 50_000, 1);
    Quote q = policy.quote(buyer, r);
    assertThat(q.declined()).isFalse();
    assertThat(q.priceMicrosPerUnitHour()).isEqualTo(40_000);
    assertThat(policy.commit(terms(r))).isTrue();
    assertThat(capacity.freeCpuMillis()).isEqualTo(700);
    assertThat(policy.isConcluded(TradeKey.of(pair))).isTrue();
    assertThat(policy.commit(terms(r))).isFalse();
    assertThat(policy.quote(buyer, request(pair, 3, 50_000, 2)).declineReason())
        .contains("already concluded");
    // A failed store releases the trade and the capacity: it can be concluded again.
    policy.release(terms(r));
    assertThat(capacity.freeCpuMillis()).isEqualTo(1_000);
    assertThat(policy.isConcluded(TradeKey.of(pair))).isFalse();
    assertThat(policy.quote(buyer, request(pair, 3, 50_000, 3)).declined()).isFalse();
  }

  @Test
  void declinesEveryRequestThatDoesNotMatchAClearedTrade() {
    trades.onMatched(pair);
    assertThat(policy.quote(buyer, request(pair, 3, 50_000, 1).toBuilder().clearMarketTrade()
        .build()).declineReason()).contains("names no market trade");
    assertThat(policy.quote(buyer, request(pair(8, "b1", "a1", 3, 40_000), 3, 50_000, 1))
        .declineReason()).contains("no cleared trade");
    assertThat(policy.quote(stranger, request(pair, 3, 50_000, 1)).declineReason())
        .contains("not this consumer's");
    assertThat(policy.quote(buyer, request(pair, 2, 50_000, 1)).declineReason())
        .contains("cleared 3 units, not 2");
    assertThat(policy.quote(buyer, request(pair, 3, 39_999, 1)).declineReason())
        .contains("above the maximum");
    MatchedPair big = pair(7, "b2", "a1", 20, 1);
    trades.onMatched(big);
    assertThat(policy.quote(buyer, request(big, 20, 1, 1)).declineReason())
        .contains("capacity");
    // Nothing quoted, so nothing can be committed.
    assertThat(policy.commit(terms(request(pair, 3, 50_000, 1)))).isFalse();
    assertThat(capacity.freeCpuMillis()).isEqualTo(1_000);
  }

  @Test
  void concludedMarksOfForgottenTradesAreDroppedButNeverOfRememberedOnes() {
    ClearedTradePolicy p = new ClearedTradePolicy(trades);
    for (int i = 0; i < 20; i++) {
      MatchedPair t = pair(i, "b", "a", 1, 5);
      trades.onMatched(t);
      RequestTerms r = request(t, 1, 5, i);
      assertThat(p.quote(buyer, r).declined()).isFalse();
      assertThat(p.commit(terms(r))).isTrue();
    }
    for (int i = 0; i < 20; i++) {
      MatchedPair t = pair(i, "b", "a", 1, 5);
      String reason = p.quote(buyer, request(t, 1, 5, 100 + i)).declineReason();
      assertThat(reason).contains(i < 16 ? "no cleared trade" : "already concluded");
    }
  }

  @Test
  void remembersOnlyItsOwnTradesAndOnlyTheLatest() {
    PeerId other = peer();
    trades.onMatched(new MatchedPair(1, new Trade("x/b", "y/a", 1, 5, 5), buyer, other));
    assertThat(trades.size()).isZero();
    for (int i = 0; i < 6; i++) {
      trades.onMatched(pair(i, "b", "a", 1, 5));
    }
    assertThat(trades.size()).isEqualTo(4);
    assertThat(trades.find(TradeKey.of(pair(0, "b", "a", 1, 5)))).isEmpty();
    assertThat(trades.find(TradeKey.of(pair(5, "b", "a", 1, 5)))).isPresent();
    assertThatThrownBy(() -> new ClearedTrades(provider, 0))
        .hasMessageContaining("capacity");
  }
}
