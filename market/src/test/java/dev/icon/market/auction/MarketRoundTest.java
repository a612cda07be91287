package dev.icon.market.auction;

import static dev.icon.market.auction.MarketCodecTest.error;
import static dev.icon.market.auction.RoundFixture.CONFIG;
import static dev.icon.market.auction.RoundFixture.commit;
import static dev.icon.market.auction.RoundFixture.nonce;
import static dev.icon.market.auction.RoundFixture.peer;
import static dev.icon.market.auction.RoundFixture.reveal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.icon.market.ExclusionReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MarketRoundTest {
  private final RoundFixture f = new RoundFixture();
  private final long n = f.round();
  private final MarketRound round = new MarketRound(n, CONFIG);
  private final PeerId buyer = peer();
  private final PeerId seller = peer();
  private final BidOffer bid = BidOffer.any("b1", 100, 2);
  private final AskOffer ask = AskOffer.of("a1", 60, 5);

  @Test
  void phasesFollowTheClock() {
    assertThat(round.phase(f.clock.instant())).isEqualTo(RoundPhase.COMMIT);
    f.clock.advance(Duration.ofMillis(19_999));
    assertThat(round.phase(f.clock.instant())).isEqualTo(RoundPhase.COMMIT);
    f.clock.advance(Duration.ofMillis(1));
    assertThat(round.phase(f.clock.instant())).isEqualTo(RoundPhase.REVEAL);
    f.toClearing();
    assertThat(round.phase(f.clock.instant())).isEqualTo(RoundPhase.CLEARING);
    assertThat(new MarketRound(n + 1, CONFIG).phase(f.clock.instant()))
        .isEqualTo(RoundPhase.NOT_STARTED);
    assertThat(f.schedule.start(n + 1)).isEqualTo(f.schedule.start(n).plusSeconds(60));
  }

  @Test
  void matchingRevealsTakePart() {
    round.commit(commit(n, buyer, bid, nonce(1)), f.clock.instant());
    round.commit(commit(n, seller, ask, nonce(2)), f.clock.instant());
    f.toReveal();
    round.reveal(reveal(n, buyer, bid, nonce(1)), f.clock.instant());
    round.reveal(reveal(n, seller, ask, nonce(2)), f.clock.instant());
    f.toClearing();

    SealedRound sealed = round.seal(f.clock.instant());

    assertThat(sealed.offers()).extracting(RevealedOffer::offer)
        .containsExactlyInAnyOrder(bid, ask);
    assertThat(sealed.exclusions()).isEmpty();
    assertThat(sealed.bids()).extracting(RevealedOffer::qualifiedId)
        .containsExactly(buyer.toBase58() + "/b1");
  }

  @Test
  void aNonRevealerIsExcluded() {
    round.commit(commit(n, buyer, bid, nonce(1)), f.clock.instant());
    f.toReveal();
    f.toClearing();

    SealedRound sealed = round.seal(f.clock.instant());

    assertThat(sealed.offers()).isEmpty();
    assertThat(sealed.exclusions()).containsExactly(new OfferExclusion(n,
        buyer.toBase58() + "/b1", buyer, ExclusionReason.NO_REVEAL));
  }

  @Test
  void aMismatchingRevealIsRefusedAndExcludesTheOfferEvenIfAMatchingOneFollows() {
    round.commit(commit(n, buyer, bid, nonce(1)), f.clock.instant());
    f.toReveal();
    BidOffer cheaper = BidOffer.any("b1", 10, 2);

    assertThat(error(() -> round.reveal(reveal(n, buyer, cheaper, nonce(1)), f.clock.instant())))
        .isEqualTo(MarketError.REVEAL_MISMATCH);
    assertThat(error(() -> round.reveal(reveal(n, buyer, bid, nonce(9)), f.clock.instant())))
        .isEqualTo(MarketError.REVEAL_MISMATCH);
    round.reveal(reveal(n, buyer, bid, nonce(1)), f.clock.instant());
    f.toClearing();

    assertThat(round.seal(f.clock.instant()).exclusions()).extracting(OfferExclusion::reason)
        .containsExactly(ExclusionReason.REVEAL_MISMATCH);
  }

  @Test
  void windowsAreEnforced() {
    MarketRound next = new MarketRound(n + 1, CONFIG);
    assertThat(error(() -> next.commit(commit(n + 1, buyer, bid, nonce(1)), f.clock.instant())))
        .isEqualTo(MarketError.WRONG_ROUND);
    assertThat(error(() -> round.reveal(reveal(n, buyer, bid, nonce(1)), f.clock.instant())))
        .isEqualTo(MarketError.REVEAL_EARLY);
    round.commit(commit(n, buyer, bid, nonce(1)), f.clock.instant());
    f.toReveal();
    assertThat(error(() -> round.commit(commit(n, seller, ask, nonce(2)), f.clock.instant())))
        .isEqualTo(MarketError.COMMIT_LATE);
    f.toClearing();
    assertThat(error(() -> round.reveal(reveal(n, buyer, bid, nonce(1)), f.clock.instant())))
        .isEqualTo(MarketError.REVEAL_LATE);
    assertThat(round.seal(f.clock.instant()).exclusions()).hasSize(1);
    assertThat(round.commitCount()).isEqualTo(1);
  }

  @Test
  void wrongRoundAndMarketAreRefused() {
    assertThat(error(() -> round.commit(commit(n + 1, buyer, bid, nonce(1)), f.clock.instant())))
        .isEqualTo(MarketError.WRONG_ROUND);
    MarketFrame.Commit c = commit(n, buyer, bid, nonce(1));
    MarketFrame.Commit other = new MarketFrame.Commit("/other", n, buyer, "b1", c.digest());
    assertThat(error(() -> round.commit(other, f.clock.instant())))
        .isEqualTo(MarketError.WRONG_MARKET);
    assertThat(round.commitCount()).isZero();
  }

  @Test
  void aRevealCannotBeReplayedIntoAnotherRound() {
    round.commit(commit(n, buyer, bid, nonce(1)), f.clock.instant());
    f.toReveal();
    round.reveal(reveal(n, buyer, bid, nonce(1)), f.clock.instant());
    f.toClearing();
    f.clock.advance(Duration.ofSeconds(20)); // next round starts
    MarketRound next = new MarketRound(n + 1, CONFIG);
    // The buyer commits again in round n+1 under the same id and nonce with another offer...
    BidOffer other = BidOffer.any("b1", 1, 1);
    next.commit(commit(n + 1, buyer, other, nonce(1)), f.clock.instant());
    f.toReveal();

    // ...and nobody can open it with the round-n reveal: the digest binds the round.
    MarketFrame.Reveal old = reveal(n, buyer, bid, nonce(1));
    MarketFrame.Reveal replay = new MarketFrame.Reveal(old.market(), n + 1, buyer,
        old.offerBytes(), old.offer(), old.nonce());
    assertThat(error(() -> next.reveal(replay, f.clock.instant())))
        .isEqualTo(MarketError.REVEAL_MISMATCH);
  }

  @Test
  void revealsWithoutCommitAndDuplicatesAreRefused() {
    round.commit(commit(n, buyer, bid, nonce(1)), f.clock.instant());
    assertThat(error(() -> round.commit(commit(n, buyer, bid, nonce(1)), f.clock.instant())))
        .isEqualTo(MarketError.DUPLICATE);
    f.toReveal();
    assertThat(error(() -> round.reveal(reveal(n, seller, ask, nonce(2)), f.clock.instant())))
        .isEqualTo(MarketError.REVEAL_WITHOUT_COMMIT);
    round.reveal(reveal(n, buyer, bid, nonce(1)), f.clock.instant());
    assertThat(error(() -> round.reveal(reveal(n, buyer, bid, nonce(1)), f.clock.instant())))
        .isEqualTo(MarketError.DUPLICATE);
    f.toClearing();
    assertThat(round.seal(f.clock.instant()).offers()).hasSize(1);
  }

  @Test
  void aSecondCommitUnderAUsedIdExcludesTheOffer() {
    round.commit(commit(n, buyer, bid, nonce(1)), f.clock.instant());
    assertThat(error(() -> round.commit(commit(n, buyer, BidOffer.any("b1", 999, 2), nonce(1)),
        f.clock.instant()))).isEqualTo(MarketError.DUPLICATE_ID);
    // Another author may use the same id: ids are qualified by their author.
    round.commit(commit(n, seller, AskOffer.of("b1", 5, 1), nonce(3)), f.clock.instant());
    f.toReveal();
    round.reveal(reveal(n, buyer, bid, nonce(1)), f.clock.instant());
    round.reveal(reveal(n, seller, AskOffer.of("b1", 5, 1), nonce(3)), f.clock.instant());
    f.toClearing();

    SealedRound sealed = round.seal(f.clock.instant());

    assertThat(sealed.exclusions()).extracting(OfferExclusion::reason)
        .containsExactly(ExclusionReason.CONFLICTING_COMMITS);
    assertThat(sealed.offers()).extracting(RevealedOffer::author).containsExactly(seller);
  }

  @Test
  void offerLimitsHold() {
    for (int i = 0; i < CONFIG.maxOffersPerAuthor(); i++) {
      round.commit(commit(n, buyer, BidOffer.any("b" + i, 1, 1), nonce(i)), f.clock.instant());
    }
    assertThat(error(() -> round.commit(commit(n, buyer, BidOffer.any("bx", 1, 1), nonce(99)),
        f.clock.instant()))).isEqualTo(MarketError.TOO_MANY_OFFERS);
    for (int i = 0; i < CONFIG.maxOffersPerRound() - CONFIG.maxOffersPerAuthor(); i++) {
      round.commit(commit(n, peer(), AskOffer.of("a", 1, 1), nonce(i)), f.clock.instant());
    }
    assertThat(error(() -> round.commit(commit(n, seller, AskOffer.of("a", 1, 1), nonce(1)),
        f.clock.instant()))).isEqualTo(MarketError.TOO_MANY_OFFERS);
    assertThat(round.commitCount()).isEqualTo(CONFIG.maxOffersPerRound());
  }

  @Test
  void sealingBeforeTheRevealWindowClosesIsAnError() {
    f.toReveal();
    assertThatThrownBy(() -> round.seal(f.clock.instant()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void acceptListsExpandProvidersToTheirAsks() {
    BidOffer picky = new BidOffer("p", 100, 1, java.util.List.of(),
        java.util.List.of(seller.toBase58()), null);
    round.commit(commit(n, buyer, picky, nonce(1)), f.clock.instant());
    round.commit(commit(n, seller, ask, nonce(2)), f.clock.instant());
    f.toReveal();
    round.reveal(reveal(n, buyer, picky, nonce(1)), f.clock.instant());
    round.reveal(reveal(n, seller, ask, nonce(2)), f.clock.instant());
    f.toClearing();
    SealedRound sealed = round.seal(f.clock.instant());

    assertThat(sealed.acceptOf(sealed.bids().get(0)))
        .containsExactlyInAnyOrder(seller.toBase58(), seller.toBase58() + "/a1");
  }
}
