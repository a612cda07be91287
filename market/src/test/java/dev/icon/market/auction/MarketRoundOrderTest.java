package dev.icon.market.auction;

import static dev.icon.market.auction.RoundFixture.CONFIG;
import static dev.icon.market.auction.RoundFixture.commit;
import static dev.icon.market.auction.RoundFixture.nonce;
import static dev.icon.market.auction.RoundFixture.peer;
import static dev.icon.market.auction.RoundFixture.reveal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.identity.PeerId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Seeded random rounds (honest offers, non-revealers, mismatching reveals, conflicting commits,
 * repeats) replayed in two different arrival orders seal to the same input and clear the same.
 */
class MarketRoundOrderTest {

  @RepeatedTest(200)
  void arrivalOrderDoesNotChangeTheSealedRound(RepetitionInfo info) {
    Random random = new Random(1000L + info.getCurrentRepetition());
    RoundFixture f = new RoundFixture();
    long n = f.round();
    List<Consumer<MarketRound>> commits = new ArrayList<>();
    List<Consumer<MarketRound>> reveals = new ArrayList<>();
    int authors = 1 + random.nextInt(4);
    for (int a = 0; a < authors; a++) {
      PeerId author = peer();
      for (int i = 0; i < 1 + random.nextInt(2); i++) {
        MarketOffer offer = random.nextBoolean()
            ? BidOffer.any("o" + i, random.nextInt(100), 1 + random.nextInt(5))
            : AskOffer.of("o" + i, random.nextInt(100), 1 + random.nextInt(5));
        byte[] nonce = nonce(random.nextInt(1 << 16));
        commits.add(r -> r.commit(commit(n, author, offer, nonce), f.clock.instant()));
        switch (random.nextInt(5)) {
          case 0 -> { } // never revealed
          case 1 -> { // a mismatching reveal besides the true one
            reveals.add(r -> r.reveal(reveal(n, author, offer, nonce), f.clock.instant()));
            reveals.add(r -> r.reveal(reveal(n, author, offer, nonce(7)), f.clock.instant()));
          }
          case 2 -> { // a conflicting second commit under the same id
            commits.add(r -> r.commit(commit(n, author, offer, nonce(3)), f.clock.instant()));
            reveals.add(r -> r.reveal(reveal(n, author, offer, nonce), f.clock.instant()));
          }
          case 3 -> { // repeated commit and reveal
            commits.add(r -> r.commit(commit(n, author, offer, nonce), f.clock.instant()));
            reveals.add(r -> r.reveal(reveal(n, author, offer, nonce), f.clock.instant()));
            reveals.add(r -> r.reveal(reveal(n, author, offer, nonce), f.clock.instant()));
          }
          default -> reveals.add(r -> r.reveal(reveal(n, author, offer, nonce), f.clock.instant()));
        }
      }
    }
    MarketRound first = new MarketRound(n, CONFIG);
    MarketRound second = new MarketRound(n, CONFIG);
    List<Consumer<MarketRound>> commits2 = new ArrayList<>(commits);
    List<Consumer<MarketRound>> reveals2 = new ArrayList<>(reveals);
    Collections.shuffle(commits2, random);
    Collections.shuffle(reveals2, random);

    commits.forEach(c -> apply(c, first));
    commits2.forEach(c -> apply(c, second));
    f.toReveal();
    reveals.forEach(c -> apply(c, first));
    reveals2.forEach(c -> apply(c, second));
    f.toClearing();

    SealedRound a = first.seal(f.clock.instant());
    SealedRound b = second.seal(f.clock.instant());
    assertThat(b).isEqualTo(a);
    assertThat(ClearingDigests.input(b)).isEqualTo(ClearingDigests.input(a));
    assertThat(RoundClearing.compute(b, new GreedyClearing()).resultDigest())
        .isEqualTo(RoundClearing.compute(a, new GreedyClearing()).resultDigest());
    assertThat(a.offers().size() + a.exclusions().size()).isEqualTo(first.commitCount());
  }

  private static void apply(Consumer<MarketRound> step, MarketRound round) {
    try {
      step.accept(round);
    } catch (MarketException expected) {
      // refused steps are part of the scenario
    }
  }
}
