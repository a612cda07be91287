package dev.icon.market.auction;

import static dev.icon.market.auction.MarketCodecTest.error;
import static dev.icon.market.auction.RoundFixture.CONFIG;
import static dev.icon.market.auction.RoundFixture.commit;
import static dev.icon.market.auction.RoundFixture.nonce;
import static dev.icon.market.auction.RoundFixture.peer;
import static dev.icon.market.auction.RoundFixture.reveal;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.icon.market.auction.ClearingCheck.Verdict;
import dev.icon.market.clearing.ClearingResult;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.icon.market.ProviderAnnouncement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routing by round and the clearing checks, on a hand-moved clock, without a network. */
class MarketStateTest {
  private final RoundFixture f = new RoundFixture();
  private final long n = f.round();
  private final List<ClearingCheck> checks = new ArrayList<>();
  private final List<RoundClearing> cleared = new ArrayList<>();
  private final MarketState state;
  private final PeerId buyer = peer();
  private final PeerId other = peer();
  private final BidOffer bid = BidOffer.any("b1", 100, 1);

  MarketStateTest() {
    MarketEvents events = new MarketEvents();
    events.add(new MarketListener() {
      @Override public void onClearingChecked(ClearingCheck c) { checks.add(c); }
      @Override public void onCleared(RoundClearing c) { cleared.add(c); }
    });
    state = new MarketState(CONFIG, new GreedyClearing(), events);
  }

  private MarketFrame.Clearing announcement(PeerId author, long round, ByteString input,
      ClearingResult result) {
    return new MarketFrame.Clearing(CONFIG.marketId(), round, author, input,
        ClearingDigests.result(result), ClearingDigests.toProto(result));
  }

  private RoundClearing runRoundWithOneBid() {
    state.ingest(commit(n, buyer, bid, nonce(1)), f.clock.instant());
    f.toReveal();
    state.ingest(reveal(n, buyer, bid, nonce(1)), f.clock.instant());
    f.toClearing();
    return state.clearing(n, f.clock.instant());
  }

  @Test
  void framesAreRoutedByTheRoundRunningNow() {
    assertThat(error(() -> state.ingest(commit(n + 1, buyer, bid, nonce(1)), f.clock.instant())))
        .isEqualTo(MarketError.WRONG_ROUND);
    assertThat(error(() -> state.ingest(commit(n - 1, buyer, bid, nonce(1)), f.clock.instant())))
        .isEqualTo(MarketError.COMMIT_LATE);
    assertThat(error(() -> state.ingest(reveal(n + 1, buyer, bid, nonce(1)), f.clock.instant())))
        .isEqualTo(MarketError.REVEAL_EARLY);
    assertThat(error(() -> state.ingest(reveal(n - 1, buyer, bid, nonce(1)), f.clock.instant())))
        .isEqualTo(MarketError.REVEAL_LATE);
    assertThat(error(() -> state.ingest(new MarketFrame.Commit("/elsewhere", n, buyer, "b1",
        ByteString.copyFrom(new byte[32])), f.clock.instant())))
        .isEqualTo(MarketError.WRONG_MARKET);
    assertThat(error(() -> state.ingest(new MarketFrame.Announcement(CONFIG.marketId(), n, buyer,
        ProviderAnnouncement.getDefaultInstance()), f.clock.instant())))
        .isEqualTo(MarketError.UNEXPECTED_KIND);
    long far = Long.MAX_VALUE;
    assertThat(error(() -> state.ingest(commit(far, buyer, bid, nonce(1)), f.clock.instant())))
        .isEqualTo(MarketError.WRONG_ROUND);
    assertThat(error(() -> state.ingest(reveal(far, buyer, bid, nonce(1)), f.clock.instant())))
        .isEqualTo(MarketError.REVEAL_EARLY);
    assertThat(error(() -> state.ingest(new MarketFrame.Clearing(CONFIG.marketId(), far, buyer,
        ByteString.copyFrom(new byte[32]), ByteString.copyFrom(new byte[32]), null),
        f.clock.instant()))).isEqualTo(MarketError.CLEARING_EARLY);
    f.toReveal();
    assertThat(error(() -> state.ingest(reveal(n, buyer, bid, nonce(1)), f.clock.instant())))
        .isEqualTo(MarketError.REVEAL_WITHOUT_COMMIT);
    assertThat(state.progress(n)).isEqualTo(new RoundProgress(n, 0, 0));
  }

  @Test
  void anAgreeingClearingIsAcceptedOnceAndAWrongOneFlagged() {
    RoundClearing ours = runRoundWithOneBid();
    assertThat(cleared).containsExactly(ours);

    state.ingest(announcement(other, n, ours.inputDigest(), ours.outcome()), f.clock.instant());
    assertThat(error(() -> state.ingest(announcement(other, n, ours.inputDigest(),
        ours.outcome()), f.clock.instant()))).isEqualTo(MarketError.DUPLICATE);
    ClearingResult forged = ours.outcome().withExcluded(List.of(buyer.toBase58() + "/b1"));
    assertThat(error(() -> state.ingest(announcement(other, n, ours.inputDigest(), forged),
        f.clock.instant()))).isEqualTo(MarketError.WRONG_CLEARING);
    PeerId third = peer();
    assertThat(error(() -> state.ingest(announcement(third, n, ours.inputDigest(), forged),
        f.clock.instant()))).isEqualTo(MarketError.WRONG_CLEARING);

    assertThat(checks).extracting(ClearingCheck::peer, ClearingCheck::verdict).containsExactly(
        org.assertj.core.groups.Tuple.tuple(other, Verdict.AGREES),
        org.assertj.core.groups.Tuple.tuple(other, Verdict.WRONG_RESULT),
        org.assertj.core.groups.Tuple.tuple(third, Verdict.WRONG_RESULT));
    assertThat(cleared).hasSize(1);
  }

  @Test
  void otherInputsAreNotProofOfCheating() {
    RoundClearing ours = runRoundWithOneBid();
    ByteString otherInput = ByteString.copyFrom(new byte[32]);

    assertThat(error(() -> state.ingest(announcement(other, n, otherInput, ours.outcome()),
        f.clock.instant()))).isEqualTo(MarketError.CLEARING_INPUTS_DIFFER);
    assertThat(MarketError.CLEARING_INPUTS_DIFFER.verdict())
        .isEqualTo(dev.icon.gossip.api.ValidationResult.IGNORE);
    assertThat(checks).extracting(ClearingCheck::verdict)
        .containsExactly(Verdict.DIFFERENT_INPUTS);
  }

  @Test
  void earlyForgedAndForgottenClearingsAreRefused() {
    RoundClearing empty = RoundClearing.compute(new SealedRound(n, List.of(), List.of()),
        new GreedyClearing());
    f.toReveal();
    assertThat(error(() -> state.ingest(announcement(other, n, empty.inputDigest(),
        empty.outcome()), f.clock.instant()))).isEqualTo(MarketError.CLEARING_EARLY);
    f.toClearing();
    MarketFrame.Clearing a = announcement(other, n, empty.inputDigest(), empty.outcome());
    MarketFrame.Clearing lying = new MarketFrame.Clearing(a.market(), n, other,
        a.inputDigest(), ByteString.copyFrom(new byte[32]), a.result());
    assertThat(error(() -> state.ingest(lying, f.clock.instant())))
        .isEqualTo(MarketError.MALFORMED);
    f.clock.advance(CONFIG.period().multipliedBy(CONFIG.retainedRounds() + 1));
    assertThat(error(() -> state.ingest(a, f.clock.instant())))
        .isEqualTo(MarketError.WRONG_ROUND);
    assertThat(checks).isEmpty();
  }

  @Test
  void oldRoundsAreForgotten() {
    runRoundWithOneBid();
    f.clock.advance(Duration.ofSeconds(20));
    state.prune(n + CONFIG.retainedRounds() + 1);
    assertThat(state.clearingIfDone(n)).isNull();
    assertThat(state.progress(n).commits()).isZero();
  }
}
