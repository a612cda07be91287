package dev.icon.market.auction;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.testing.MutableClock;
import java.time.Duration;

/** Commits and reveals built by hand, for tests of the round logic on a hand-moved clock. */
final class RoundFixture {
  static final MarketConfig CONFIG = MarketConfig.builder().period(Duration.ofSeconds(60))
      .commitWindow(Duration.ofSeconds(20)).revealWindow(Duration.ofSeconds(20))
      .maxOffersPerAuthor(4).maxOffersPerRound(8).build();
  static final String MARKET = CONFIG.marketId();

  /** Stands at the start of a round (2026-01-01T00:00:00Z is a multiple of 60 s). */
  final MutableClock clock = new MutableClock();
  final RoundSchedule schedule = new RoundSchedule(CONFIG);

  long round() {
    return schedule.roundAt(clock.instant());
  }

  static PeerId peer() {
    return PrivateKey.generateEd25519().publicKey().peerId();
  }

  static byte[] nonce(int seed) {
    byte[] n = new byte[16];
    n[0] = (byte) seed;
    n[1] = (byte) (seed >> 8);
    return n;
  }

  static MarketFrame.Commit commit(long round, PeerId author, MarketOffer offer, byte[] nonce) {
    return new MarketFrame.Commit(MARKET, round, author, offer.id(),
        CommitDigest.of(MARKET, round, author, OfferCodec.encode(offer), nonce));
  }

  static MarketFrame.Reveal reveal(long round, PeerId author, MarketOffer offer, byte[] nonce) {
    return new MarketFrame.Reveal(MARKET, round, author,
        ByteString.copyFrom(OfferCodec.encode(offer)), offer, ByteString.copyFrom(nonce));
  }

  void toReveal() {
    clock.advance(Duration.ofSeconds(20));
  }

  void toClearing() {
    clock.advance(Duration.ofSeconds(20));
  }
}
