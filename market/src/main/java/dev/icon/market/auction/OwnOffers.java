package dev.icon.market.auction;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Our own offers on their way through the phases: queued for a round, committed (with the nonce
 * kept secret until the reveal window), revealed. Not thread-safe: used under the participant's
 * lock.
 */
final class OwnOffers {
  /** Nonce length we use. */
  static final int NONCE_BYTES = 32;

  /** One of our offers. */
  static final class Own {
    final MarketOffer offer;
    final byte[] bytes;
    long round;
    byte[] nonce;
    boolean committed;

    Own(MarketOffer offer, long round) {
      this.offer = offer;
      this.bytes = OfferCodec.encode(offer);
      this.round = round;
    }
  }

  private final Map<String, Own> offers = new LinkedHashMap<>();
  private final RandomGenerator random;

  OwnOffers(RandomGenerator random) {
    this.random = random;
  }

  /**
   * Queues {@code offer} for round {@code round}.
   *
   * @throws MarketException {@link MarketError#DUPLICATE_ID} if one of ours is pending under its
   *     id, {@link MarketError#TOO_MANY_OFFERS} if {@code max} are pending for that round
   */
  void add(MarketOffer offer, long round, int max) {
    if (offers.containsKey(offer.id())) {
      throw new MarketException(MarketError.DUPLICATE_ID,
          "an offer of ours with id " + offer.id() + " is still pending");
    }
    if (offers.values().stream().filter(o -> o.round == round).count() >= max) {
      throw new MarketException(MarketError.TOO_MANY_OFFERS,
          max + " offers of ours are already pending for round " + round);
    }
    offers.put(offer.id(), new Own(offer, round));
  }

  /** Uncommitted offers due in {@code round}, each given a fresh nonce and marked committed. */
  List<Own> commitDue(long round) {
    List<Own> due = new ArrayList<>();
    for (Own o : offers.values()) {
      if (!o.committed && o.round == round) {
        o.nonce = new byte[NONCE_BYTES];
        random.nextBytes(o.nonce);
        o.committed = true;
        due.add(o);
      }
    }
    return due;
  }

  /** Uncommitted offers whose round's commit window passed move to {@code next}. */
  void postponeMissed(long next) {
    for (Own o : offers.values()) {
      if (!o.committed && o.round < next) {
        o.round = next;
      }
    }
  }

  /** Committed offers of {@code round}, removed: they are revealed now. */
  List<Own> revealDue(long round) {
    List<Own> due = new ArrayList<>();
    for (Iterator<Own> it = offers.values().iterator(); it.hasNext(); ) {
      Own o = it.next();
      if (o.committed && o.round == round) {
        due.add(o);
        it.remove();
      }
    }
    return due;
  }

  /** Drops committed offers of rounds before {@code round} (their reveal window passed). */
  int dropUnrevealedBefore(long round) {
    int n = 0;
    for (Iterator<Own> it = offers.values().iterator(); it.hasNext(); ) {
      Own o = it.next();
      if (o.committed && o.round < round) {
        it.remove();
        n++;
      }
    }
    return n;
  }

  /** The commit frame of {@code o}. */
  static MarketFrame.Commit commitFrame(String market, PeerId self, Own o) {
    return new MarketFrame.Commit(market, o.round, self, o.offer.id(),
        CommitDigest.of(market, o.round, self, o.bytes, o.nonce));
  }

  /** The reveal frame of {@code o}. */
  static MarketFrame.Reveal revealFrame(String market, PeerId self, Own o) {
    return new MarketFrame.Reveal(market, o.round, self, ByteString.copyFrom(o.bytes), o.offer,
        ByteString.copyFrom(o.nonce));
  }
}
