package dev.icon.market.auction;

import dev.icon.gossip.api.PubSub;
import dev.icon.overlay.identity.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Builds a {@link MarketParticipant}. Defaults: {@link MarketConfig#defaults()}, the UTC system
 * clock, a {@link SecureRandom} for nonces, the market's {@link DoubleAuctionClearing}. Not
 * thread-safe.
 */
public final class MarketParticipantBuilder {
  final PubSub pubsub;
  final PrivateKey key;
  MarketConfig config = MarketConfig.defaults();
  Clock clock = Clock.systemUTC();
  RandomGenerator random = new SecureRandom();
  ClearingFunction clearing = new DoubleAuctionClearing();
  final List<MarketListener> listeners = new ArrayList<>();

  MarketParticipantBuilder(PubSub pubsub, PrivateKey key) {
    this.pubsub = Objects.requireNonNull(pubsub, "pubsub");
    this.key = Objects.requireNonNull(key, "key");
  }

  /** The market config. */
  public MarketParticipantBuilder config(MarketConfig v) {
    config = Objects.requireNonNull(v, "config");
    return this;
  }

  /** The clock that decides rounds and windows. */
  public MarketParticipantBuilder clock(Clock v) {
    clock = Objects.requireNonNull(v, "clock");
    return this;
  }

  /** Where nonces come from: must be unpredictable to others (a {@link SecureRandom}). */
  public MarketParticipantBuilder random(RandomGenerator v) {
    random = Objects.requireNonNull(v, "random");
    return this;
  }

  /** The clearing mechanism; every peer of a market must use the same (tests plug in others). */
  public MarketParticipantBuilder clearing(ClearingFunction v) {
    clearing = Objects.requireNonNull(v, "clearing");
    return this;
  }

  /** Adds a listener. */
  public MarketParticipantBuilder listener(MarketListener v) {
    listeners.add(Objects.requireNonNull(v, "listener"));
    return this;
  }

  /** The participant, not yet started. */
  public MarketParticipant build() {
    return new MarketParticipant(this);
  }
}
