package dev.icon.market.trade;

import dev.icon.market.auction.MarketListener;
import dev.icon.market.auction.MatchedPair;
import dev.icon.overlay.identity.PeerId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider's memory of the trades it was matched in, filled from its participant's {@link
 * #onMatched} and looked up by {@link TradeKey} when a buyer asks to conclude one. Trades of other
 * providers are ignored. Bounded: beyond {@code capacity} trades the oldest are forgotten (a buyer
 * must conclude its trade within a few rounds).
 *
 * <p>Thread-safe (one lock); {@link #onMatched} only records, so it is safe on the gossip thread.
 */
public final class ClearedTrades implements MarketListener {

  /** Default number of trades remembered. */
  public static final int DEFAULT_CAPACITY = 65_536;

  private final PeerId self;
  private final int capacity;
  private final Map<TradeKey, MatchedPair> trades;

  /** Remembers the last {@link #DEFAULT_CAPACITY} trades of provider {@code self}. */
  public ClearedTrades(PeerId self) {
    this(self, DEFAULT_CAPACITY);
  }

  /** Remembers the last {@code capacity} trades of provider {@code self}. */
  public ClearedTrades(PeerId self, int capacity) {
    this.self = Objects.requireNonNull(self, "self");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.trades = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<TradeKey, MatchedPair> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public synchronized void onMatched(MatchedPair pair) {
    if (pair.provider().equals(self)) {
      trades.put(TradeKey.of(pair), pair);
    }
  }

  /** The trade named by {@code key}, if this provider was matched in it (and still remembers). */
  public synchronized Optional<MatchedPair> find(TradeKey key) {
    return Optional.ofNullable(trades.get(key));
  }

  /** How many trades are remembered at most. */
  public int capacity() {
    return capacity;
  }

  /** How many trades are remembered. */
  public synchronized int size() {
    return trades.size();
  }
}
