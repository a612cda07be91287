package dev.icon.market.auction;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.icon.market.ExclusionReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commit and reveal state of one round. Each method takes the current instant from its caller
 * (who reads an injected clock) and either records the frame or throws a {@link MarketException}
 * naming the reason, having stored nothing new except what makes the outcome independent of
 * arrival order: a second, different commit under a used id, or a reveal that does not match its
 * commit, marks the offer excluded whichever message came first.
 *
 * <p>Not thread-safe: {@link MarketParticipant} serializes access.
 */
public final class MarketRound {
  private final long round;
  private final String market;
  private final MarketConfig config;
  private final RoundSchedule schedule;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Map<PeerId, Integer> perAuthor = new HashMap<>();
  private SealedRound sealed;

  private static final class Entry {
    final PeerId author;
    final String offerId;
    final ByteString digest;
    MarketFrame.Reveal reveal;
    ExclusionReason excluded;

    Entry(PeerId author, String offerId, ByteString digest) {
      this.author = author;
      this.offerId = offerId;
      this.digest = digest;
    }
  }

  /** State for round {@code round} of the market {@code config} describes. */
  public MarketRound(long round, MarketConfig config) {
    this.round = round;
    this.market = config.marketId();
    this.config = config;
    this.schedule = new RoundSchedule(config);
  }

  /** The round number. */
  public long round() {
    return round;
  }

  /** Its phase at {@code now}. */
  public RoundPhase phase(Instant now) {
    return schedule.phase(round, now);
  }

  /**
   * Records a commit.
   *
   * @throws MarketException {@link MarketError#WRONG_MARKET}, {@link MarketError#WRONG_ROUND}
   *     (another round, or not started), {@link MarketError#COMMIT_LATE}, {@link
   *     MarketError#DUPLICATE} (same id and digest again), {@link MarketError#DUPLICATE_ID}
   *     (another digest under a used id: the offer is excluded), {@link
   *     MarketError#TOO_MANY_OFFERS}
   */
  public void commit(MarketFrame.Commit c, Instant now) {
    bound(c);
    switch (phase(now)) {
      case NOT_STARTED -> throw new MarketException(MarketError.WRONG_ROUND,
          "commit for round " + round + " before it starts");
      case REVEAL, CLEARING -> throw new MarketException(MarketError.COMMIT_LATE,
          "commit for round " + round + " after its commit window");
      default -> { }
    }
    String id = RevealedOffer.qualify(c.author(), c.offerId());
    Entry e = entries.get(id);
    if (e != null) {
      if (e.digest.equals(c.digest())) {
        throw new MarketException(MarketError.DUPLICATE, "commit " + id + " again");
      }
      e.excluded = ExclusionReason.CONFLICTING_COMMITS;
      throw new MarketException(MarketError.DUPLICATE_ID,
          "second commit under " + id + " with another digest: the offer is excluded");
    }
    int mine = perAuthor.getOrDefault(c.author(), 0);
    if (mine >= config.maxOffersPerAuthor()) {
      throw new MarketException(MarketError.TOO_MANY_OFFERS,
          c.author() + " already has " + mine + " offers in round " + round);
    }
    if (entries.size() >= config.maxOffersPerRound()) {
      throw new MarketException(MarketError.TOO_MANY_OFFERS,
          "round " + round + " already holds " + entries.size() + " offers");
    }
    entries.put(id, new Entry(c.author(), c.offerId(), c.digest()));
    perAuthor.put(c.author(), mine + 1);
  }

  /**
   * Records a reveal.
   *
   * @throws MarketException {@link MarketError#WRONG_MARKET}, {@link MarketError#WRONG_ROUND},
   *     {@link MarketError#REVEAL_EARLY}, {@link MarketError#REVEAL_LATE}, {@link
   *     MarketError#REVEAL_WITHOUT_COMMIT}, {@link MarketError#REVEAL_MISMATCH} (the offer is
   *     excluded), {@link MarketError#DUPLICATE}
   */
  public void reveal(MarketFrame.Reveal r, Instant now) {
    bound(r);
    switch (phase(now)) {
      case NOT_STARTED, COMMIT -> throw new MarketException(MarketError.REVEAL_EARLY,
          "reveal for round " + round + " before its reveal window");
      case CLEARING -> throw new MarketException(MarketError.REVEAL_LATE,
          "reveal for round " + round + " after its reveal window");
      default -> { }
    }
    String id = RevealedOffer.qualify(r.author(), r.offer().id());
    Entry e = entries.get(id);
    if (e == null) {
      throw new MarketException(MarketError.REVEAL_WITHOUT_COMMIT,
          "no commit " + id + " in round " + round);
    }
    ByteString digest = CommitDigest.of(market, round, r.author(), r.offerBytes().toByteArray(),
        r.nonce().toByteArray());
    if (!digest.equals(e.digest)) {
      if (e.excluded == null) {
        e.excluded = ExclusionReason.REVEAL_MISMATCH;
      }
      throw new MarketException(MarketError.REVEAL_MISMATCH,
          "reveal of " + id + " does not match its commit: the offer is excluded");
    }
    if (e.reveal != null) {
      throw new MarketException(MarketError.DUPLICATE, "reveal " + id + " again");
    }
    e.reveal = r;
  }

  /**
   * The final input of the clearing, once the reveal window has closed at {@code now}; the same
   * object on later calls.
   *
   * @throws IllegalStateException while commits or reveals may still arrive
   */
  public SealedRound seal(Instant now) {
    if (sealed != null) {
      return sealed;
    }
    if (phase(now) != RoundPhase.CLEARING) {
      throw new IllegalStateException("round " + round + " is in phase " + phase(now));
    }
    List<RevealedOffer> offers = new ArrayList<>();
    List<OfferExclusion> exclusions = new ArrayList<>();
    for (Map.Entry<String, Entry> me : entries.entrySet()) {
      Entry e = me.getValue();
      if (e.excluded != null) {
        exclusions.add(new OfferExclusion(round, me.getKey(), e.author, e.excluded));
      } else if (e.reveal == null) {
        exclusions.add(new OfferExclusion(round, me.getKey(), e.author, ExclusionReason.NO_REVEAL));
      } else {
        offers.add(new RevealedOffer(me.getKey(), e.author, e.reveal.offer(),
            CommitDigest.sha256(e.reveal.offerBytes().toByteArray())));
      }
    }
    sealed = new SealedRound(round, offers, exclusions);
    return sealed;
  }

  /** Reveals that matched their commit so far. */
  public int revealCount() {
    return (int) entries.values().stream().filter(e -> e.reveal != null).count();
  }

  /** Commits recorded so far (excluded ones included). */
  public int commitCount() {
    return entries.size();
  }

  private void bound(MarketFrame f) {
    if (!f.market().equals(market)) {
      throw new MarketException(MarketError.WRONG_MARKET,
          "for market " + f.market() + ", this is " + market);
    }
    if (f.round() != round) {
      throw new MarketException(MarketError.WRONG_ROUND,
          "for round " + f.round() + ", this is round " + round);
    }
  }
}
