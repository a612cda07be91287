package dev.icon.market.auction;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rounds one participant tracks, their clearings and the clearing announcements received.
 * Routes each decoded frame to its round by the current instant and compares announcements with
 * our own clearing. Not thread-safe: {@link MarketParticipant} holds its lock around every call.
 */
final class MarketState {
  private final MarketConfig config;
  private final RoundSchedule schedule;
  private final ClearingFunction function;
  private final MarketEvents events;
  private final TreeMap<Long, MarketRound> rounds = new TreeMap<>();
  private final Map<Long, RoundClearing> clearings = new HashMap<>();
  private final Map<Long, Map<PeerId, MarketFrame.Clearing>> announced = new HashMap<>();

  MarketState(MarketConfig config, ClearingFunction function, MarketEvents events) {
    this.config = config;
    this.schedule = new RoundSchedule(config);
    this.function = function;
    this.events = events;
  }

  RoundSchedule schedule() {
    return schedule;
  }

  /** Records a commit or reveal (ours or received), or routes a clearing to the check. */
  void ingest(MarketFrame frame, Instant now) {
    if (!frame.market().equals(config.marketId())) {
      throw new MarketException(MarketError.WRONG_MARKET,
          "for market " + frame.market() + ", this is " + config.marketId());
    }
    long current = schedule.roundAt(now);
    long n = frame.round();
    if (frame instanceof MarketFrame.Commit c) {
      if (n < current) {
        throw new MarketException(MarketError.COMMIT_LATE, "commit for past round " + n);
      }
      if (n > current) {
        throw new MarketException(MarketError.WRONG_ROUND, "commit for round " + n
            + " while round " + current + " runs");
      }
      rounds.computeIfAbsent(n, k -> new MarketRound(k, config)).commit(c, now);
    } else if (frame instanceof MarketFrame.Reveal r) {
      if (n < current) {
        throw new MarketException(MarketError.REVEAL_LATE, "reveal for past round " + n);
      }
      if (n > current) {
        throw new MarketException(MarketError.REVEAL_EARLY, "reveal for round " + n
            + " while round " + current + " runs");
      }
      MarketRound round = rounds.get(n);
      if (round == null && schedule.phase(n, now) == RoundPhase.REVEAL) {
        throw new MarketException(MarketError.REVEAL_WITHOUT_COMMIT,
            "no commits at all in round " + n);
      }
      (round == null ? new MarketRound(n, config) : round).reveal(r, now);
    } else if (frame instanceof MarketFrame.Clearing c) {
      check(c, now);
    } else {
      throw new MarketException(MarketError.UNEXPECTED_KIND,
          "provider announcements do not belong on the market topic");
    }
  }

  /** Our clearing of round {@code n}, computed (and announced to listeners) on first need. */
  RoundClearing clearing(long n, Instant now) {
    RoundClearing done = clearings.get(n);
    if (done != null) {
      return done;
    }
    MarketRound round = rounds.computeIfAbsent(n, k -> new MarketRound(k, config));
    RoundClearing c = RoundClearing.compute(round.seal(now), function);
    clearings.put(n, c);
    Map<String, PeerId> authors = new HashMap<>();
    for (RevealedOffer o : c.input().offers()) {
      authors.put(o.qualifiedId(), o.author());
    }
    for (OfferExclusion e : c.input().exclusions()) {
      events.fire(l -> l.onExcluded(e));
    }
    events.fire(l -> l.onCleared(c));
    for (dev.icon.market.clearing.Trade t : c.outcome().trades()) {
      PeerId bidder = authors.get(t.bid());
      PeerId provider = authors.get(t.ask());
      if (bidder != null && provider != null) {
        MatchedPair pair = new MatchedPair(n, t, bidder, provider);
        events.fire(l -> l.onMatched(pair));
      }
    }
    return c;
  }

  /** Whether round {@code n} has been cleared here. */
  boolean cleared(long n) {
    return clearings.containsKey(n);
  }

  /** Rounds tracked here, oldest first. */
  Iterable<Long> roundNumbers() {
    return new TreeMap<>(rounds).keySet();
  }

  /** Commits and matching reveals recorded for round {@code n}. */
  RoundProgress progress(long n) {
    MarketRound r = rounds.get(n);
    return r == null ? new RoundProgress(n, 0, 0) : new RoundProgress(n, r.commitCount(),
        r.revealCount());
  }

  /** Our clearing of {@code n} if done. */
  RoundClearing clearingIfDone(long n) {
    return clearings.get(n);
  }

  /** Forgets rounds older than {@code retainedRounds} behind {@code current}. */
  void prune(long current) {
    long keepFrom = current - config.retainedRounds();
    rounds.headMap(keepFrom).clear();
    clearings.keySet().removeIf(n -> n < keepFrom);
    announced.keySet().removeIf(n -> n < keepFrom);
  }

  private void check(MarketFrame.Clearing c, Instant now) {
    long n = c.round();
    long current = schedule.roundAt(now);
    if (n > current || schedule.phase(n, now) != RoundPhase.CLEARING) {
      throw new MarketException(MarketError.CLEARING_EARLY,
          "clearing of round " + n + " before its reveal window closed");
    }
    if (n < current - config.retainedRounds()) {
      throw new MarketException(MarketError.WRONG_ROUND, "clearing of forgotten round " + n);
    }
    if (c.result() != null && !ClearingDigests.result(c.result()).equals(c.resultDigest())) {
      throw new MarketException(MarketError.MALFORMED,
          "the enclosed result does not hash to the announced result digest");
    }
    Map<PeerId, MarketFrame.Clearing> byPeer = announced.computeIfAbsent(n, k -> new HashMap<>());
    MarketFrame.Clearing earlier = byPeer.putIfAbsent(c.author(), c);
    if (earlier != null) {
      if (earlier.resultDigest().equals(c.resultDigest())
          && earlier.inputDigest().equals(c.inputDigest())) {
        throw new MarketException(MarketError.DUPLICATE, "clearing of round " + n + " again");
      }
      wrong(c, "announced two different clearings of round " + n);
    }
    RoundClearing ours = clearing(n, now);
    if (!ours.inputDigest().equals(c.inputDigest())) {
      String detail = "clearing of round " + n + " by " + c.author() + " was computed from "
          + "another input set (input digest " + hex(c.inputDigest()) + ", ours "
          + hex(ours.inputDigest()) + ")";
      events.fire(l -> l.onClearingChecked(new ClearingCheck(n, c.author(),
          ClearingCheck.Verdict.DIFFERENT_INPUTS, detail)));
      throw new MarketException(MarketError.CLEARING_INPUTS_DIFFER, detail);
    }
    if (!ours.resultDigest().equals(c.resultDigest())) {
      wrong(c, "clearing of round " + n + " differs from ours over the same inputs (result "
          + hex(c.resultDigest()) + ", ours " + hex(ours.resultDigest()) + ")");
    }
    events.fire(l -> l.onClearingChecked(new ClearingCheck(n, c.author(),
        ClearingCheck.Verdict.AGREES, "same input and result digests")));
  }

  private void wrong(MarketFrame.Clearing c, String detail) {
    events.fire(l -> l.onClearingChecked(new ClearingCheck(c.round(), c.author(),
        ClearingCheck.Verdict.WRONG_RESULT, detail)));
    throw new MarketException(MarketError.WRONG_CLEARING, c.author() + " " + detail);
  }

  private static String hex(ByteString digest) {
    return java.util.HexFormat.of().formatHex(digest.toByteArray(), 0, 8);
  }
}
