package dev.icon.market.auction;

import static dev.icon.market.auction.MarketCodecTest.error;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OwnOffersTest {
  private final OwnOffers own = new OwnOffers(new Random(7));

  @Test
  void offersMoveThroughCommitAndReveal() {
    own.add(BidOffer.any("b1", 10, 1), 5, 4);
    own.add(AskOffer.of("a1", 10, 1), 5, 4);
    own.add(AskOffer.of("a2", 10, 1), 6, 4);

    List<OwnOffers.Own> committed = own.commitDue(5);
    assertThat(committed).extracting(o -> o.offer.id()).containsExactly("b1", "a1");
    assertThat(committed.get(0).nonce).hasSize(OwnOffers.NONCE_BYTES)
        .isNotEqualTo(committed.get(1).nonce);
    assertThat(own.commitDue(5)).isEmpty();
    assertThat(own.revealDue(5)).containsExactlyElementsOf(committed);
    assertThat(own.revealDue(5)).isEmpty();
    // b1 is free again once revealed.
    own.add(BidOffer.any("b1", 10, 1), 6, 4);
    assertThat(own.commitDue(6)).hasSize(2);
  }

  @Test
  void duplicatesAndExcessAreRefused() {
    own.add(BidOffer.any("b1", 10, 1), 5, 2);
    assertThat(error(() -> own.add(BidOffer.any("b1", 20, 1), 5, 2)))
        .isEqualTo(MarketError.DUPLICATE_ID);
    own.add(BidOffer.any("b2", 10, 1), 5, 2);
    assertThat(error(() -> own.add(BidOffer.any("b3", 10, 1), 5, 2)))
        .isEqualTo(MarketError.TOO_MANY_OFFERS);
  }

  @Test
  void missedWindowsPostponeOrDrop() {
    own.add(BidOffer.any("b1", 10, 1), 5, 4);
    own.add(BidOffer.any("b2", 10, 1), 5, 4);
    own.commitDue(5);
    own.add(BidOffer.any("b3", 10, 1), 5, 4);

    own.postponeMissed(6);
    assertThat(own.dropUnrevealedBefore(6)).isEqualTo(2);
    assertThat(own.commitDue(6)).extracting(o -> o.offer.id()).containsExactly("b3");
  }
}
