package dev.icon.market.clearing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hand-made markets with answers worked out on paper. With the empty salt, b1, a4, a6 and a7 are
 * in half 1, and b2..b8, a1, a2, a3, a5, a8 in half 0 (checked first, so a change of the hash shows
 * up as that, not as a wrong price). Rank order in half 0: asks a8, a2, a5, a3, a1; bids b7, b6,
 * b8, b4, b5, b3, b2.
 */
class DoubleAuctionTest {

  private static final DoubleAuction AUCTION = new DoubleAuction();

  @BeforeAll
  static void theHalvesAreTheOnesTheAnswersAssume() {
    for (String id : List.of("b1", "a4", "a6", "a7")) {
      assertThat(AUCTION.half(id)).as(id).isEqualTo(1);
    }
    for (String id : List.of("b2", "b3", "b4", "b5", "b6", "b7", "b8", "a1", "a2", "a3", "a5",
        "a8")) {
      assertThat(AUCTION.half(id)).as(id).isEqualTo(0);
    }
  }

  @Test
  void eachHalfTradesAtTheOtherHalfsCompetitivePrice() {
    // Half 1: b1 10x1, a4 4x1 -> interval [4, 10] -> half 0 trades at 7.
    // Half 0: demand 8,8,6 / supply 5,5,5,9 -> n = 3, interval [5, 6] -> half 1 trades at 5.
    List<Bid> bids = List.of(Bid.any("b1", "icon-1", 10, 1), Bid.any("b2", "icon-2", 8, 2),
        Bid.any("b3", "icon-3", 6, 1));
    List<Ask> asks = List.of(new Ask("a4", "p-4", 4, 1), new Ask("a1", "p-1", 5, 3),
        new Ask("a2", "p-2", 9, 1));

    assertThat(AUCTION.prices(bids, asks)).containsEntry(0, OptionalLong.of(7))
        .containsEntry(1, OptionalLong.of(5));
    // b3 (6) is below 7 and a2 (9) above it: neither is willing in half 0.
    assertThat(AUCTION.clear(bids, asks)).isEqualTo(new ClearingResult(List.of(
        new Trade("b1", "a4", 1, 5, 5), new Trade("b2", "a1", 2, 7, 7)), List.of(),
        DoubleAuction.MECHANISM));
  }

  @Test
  void acceptSetsRestrictWhereABundleMayGo() {
    // Half 1 again sets 7 for half 0; half 0's own curves meet at exactly 7, so half 1 trades at 7.
    List<Bid> bids = List.of(Bid.any("b1", "icon-1", 10, 1),
        new Bid("b2", "icon-2", 8, 2, Set.of("a2")),       // a2 costs 8 > 7: not willing
        new Bid("b3", "icon-3", 9, 1, Set.of("nosuch")),   // unknown ask: never matches
        new Bid("b4", "icon-4", 7, 3, Set.of("a1", "a3"))); // a1 has room 2 < 3: goes to a3
    List<Ask> asks = List.of(new Ask("a4", "p-4", 4, 1), new Ask("a1", "p-1", 6, 2),
        new Ask("a3", "p-3", 7, 3), new Ask("a2", "p-2", 8, 5));

    assertThat(AUCTION.clear(bids, asks).trades()).containsExactly(
        new Trade("b1", "a4", 1, 7, 7), new Trade("b4", "a3", 3, 7, 7));
  }

  @Test
  void bundlesGoFirstFitInRankOrder() {
    // Price 7 for half 0 from half 1. Half 0 bids in rank order b7, b6, b8; asks a8, a2, a5.
    List<Bid> bids = List.of(Bid.any("b1", "icon-1", 10, 1), Bid.any("b8", "icon-8", 20, 2),
        Bid.any("b6", "icon-6", 7, 3), Bid.any("b7", "icon-7", 9, 2));
    List<Ask> asks = List.of(new Ask("a4", "p-4", 4, 1), new Ask("a8", "p-8", 1, 4),
        new Ask("a2", "p-2", 2, 3), new Ask("a5", "p-5", 3, 1));

    // b7 (2) -> a8 (room 4 -> 2); b6 (3) -> a8 too small -> a2 (3 -> 0); b8 (2) -> a8 (2 -> 0).
    assertThat(AUCTION.clear(bids, asks).trades()).filteredOn(t -> !t.bid().equals("b1"))
        .containsExactly(new Trade("b6", "a2", 3, 7, 7), new Trade("b7", "a8", 2, 7, 7),
            new Trade("b8", "a8", 2, 7, 7));
  }

  @Test
  void aHalfWhoseOtherHalfHasNoCrossingDoesNotTrade() {
    // Half 1 has a bid but no ask: no price for half 0, whose pair would gladly trade.
    List<Bid> bids = List.of(Bid.any("b1", "icon-1", 10, 1), Bid.any("b2", "icon-2", 10, 1));
    List<Ask> asks = List.of(new Ask("a1", "p-1", 1, 1));

    assertThat(AUCTION.prices(bids, asks)).containsEntry(0, OptionalLong.empty());
    assertThat(AUCTION.clear(bids, asks).trades()).isEmpty();
  }

  @Test
  void anEmptyMarketClearsToNothing() {
    assertThat(AUCTION.clear(List.of(), List.of()))
        .isEqualTo(new ClearingResult(List.of(), List.of(), DoubleAuction.MECHANISM));
  }

  @Test
  void theSaltChangesTheSplit() {
    long moved = List.of("b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8").stream()
        .filter(id -> new DoubleAuction("round-42").half(id) != AUCTION.half(id)).count();

    assertThat(moved).isPositive();
  }

  @Test
  void duplicateIdsAreRefusedNamingTheId() {
    assertThatThrownBy(() -> AUCTION.clear(List.of(Bid.any("x", "i", 1, 1)),
        List.of(new Ask("x", "p", 1, 1))))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate id x");
    assertThatThrownBy(() -> AUCTION.clear(List.of(Bid.any("x", "i", 1, 1),
        Bid.any("x", "j", 2, 1)), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate id x");
  }
}
