package dev.icon.market.auction;

import static dev.icon.market.auction.RoundFixture.CONFIG;
import static dev.icon.market.auction.RoundFixture.commit;
import static dev.icon.market.auction.RoundFixture.nonce;
import static dev.icon.market.auction.RoundFixture.peer;
import static dev.icon.market.auction.RoundFixture.reveal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.market.clearing.ClearingResult;
import dev.icon.market.clearing.DoubleAuction;
import dev.icon.market.clearing.Trade;
import dev.icon.overlay.identity.PeerId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoubleAuctionClearingTest {
  private final RoundFixture f = new RoundFixture();
  private final long n = f.round();
  private final MarketRound round = new MarketRound(n, CONFIG);

  private void offer(PeerId author, MarketOffer offer, int seed, boolean reveal,
      List<Runnable> reveals) {
    round.commit(commit(n, author, offer, nonce(seed)), f.clock.instant());
    if (reveal) {
      reveals.add(() -> round.reveal(reveal(n, author, offer, nonce(seed)), f.clock.instant()));
    }
  }

  @Test
  void clearsQualifiedOffersRespectingAcceptListsAndListsExclusions() {
    PeerId near = peer();
    PeerId far = peer();
    PeerId picky = peer();
    PeerId absent = peer();
    List<Runnable> reveals = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      offer(near, AskOffer.of("n" + i, 10, 1), i, true, reveals);
    }
    offer(far, AskOffer.of("f0", 10, 4), 10, true, reveals);
    offer(picky, new BidOffer("p0", 1_000, 1, List.of(), List.of(near.toBase58()), null), 20,
        true, reveals);
    offer(picky, new BidOffer("p1", 1_000, 1, List.of(), List.of(near.toBase58()), null), 21,
        true, reveals);
    offer(absent, BidOffer.any("z", 1_000, 1), 30, false, reveals);
    f.toReveal();
    reveals.forEach(Runnable::run);
    f.toClearing();
    SealedRound sealed = round.seal(f.clock.instant());

    ClearingResult result = new DoubleAuctionClearing().clear(sealed);

    assertThat(result.mechanism()).isEqualTo(DoubleAuction.MECHANISM);
    assertThat(result.excluded()).containsExactly(absent.toBase58() + "/z");
    for (Trade t : result.trades()) {
      assertThat(t.bid()).startsWith(picky.toBase58() + "/");
      assertThat(t.ask()).startsWith(near.toBase58() + "/");
    }
    assertThat(new DoubleAuctionClearing().clear(sealed)).isEqualTo(result);
    assertThat(ClearingDigests.fromProto(ClearingDigests.toProto(result))).isEqualTo(result);
  }
}
