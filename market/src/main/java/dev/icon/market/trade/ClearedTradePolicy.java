package dev.icon.market.trade;

import com.google.protobuf.ByteString;
import dev.icon.market.auction.MatchedPair;
import dev.icon.market.negotiate.OfferPolicy;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.icon.negotiate.AgreementTerms;
import dev.icon.proto.icon.negotiate.RequestTerms;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A provider's {@link OfferPolicy} that sells only what the market cleared: a request must name
 * (in {@code market_trade}) a trade found in {@link ClearedTrades}, come from that trade's bidder,
 * ask for exactly its units, and accept at least its clearing price ({@code seller_gets_per_unit},
 * quoted as the price per unit and hour). Each trade is concluded at most once. Anything else is
 * declined with a reason the consumer receives. An optional inner policy (e.g. {@link
 * dev.icon.market.negotiate.CapacityOfferPolicy}) must also accept and reserves the capacity;
 * its price is ignored.
 *
 * <p>Thread-safe (one lock), never blocks. Memory is bounded: quotes not followed by a commit are
 * forgotten beyond {@link #MAX_PENDING}, and the marks of concluded trades that {@link
 * ClearedTrades} no longer remembers are dropped.
 */
public final class ClearedTradePolicy implements OfferPolicy {

  /** Most quoted, not yet committed requests remembered. */
  public static final int MAX_PENDING = 4_096;

  private final ClearedTrades trades;
  private final OfferPolicy inner;
  private final Map<ByteString, TradeKey> pending = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ByteString, TradeKey> eldest) {
      return size() > MAX_PENDING;
    }
  };
  // Only needed until release() follows a failed store, right after commit(): bounded.
  private final Map<ByteString, TradeKey> committed = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ByteString, TradeKey> eldest) {
      return size() > MAX_PENDING;
    }
  };
  private final Set<TradeKey> concluded = new HashSet<>();

  /** A policy over {@code trades} with no capacity check of its own. */
  public ClearedTradePolicy(ClearedTrades trades) {
    this(trades, null);
  }

  /** A policy over {@code trades} that also asks {@code inner} (null: nobody). */
  public ClearedTradePolicy(ClearedTrades trades, OfferPolicy inner) {
    this.trades = Objects.requireNonNull(trades, "trades");
    this.inner = inner;
  }

  @Override
  public synchronized Quote quote(PeerId consumer, RequestTerms request) {
    if (!request.hasMarketTrade()) {
      return Quote.decline("request names no market trade");
    }
    TradeKey key = TradeKey.of(request.getMarketTrade());
    Optional<MatchedPair> found = trades.find(key);
    if (found.isEmpty()) {
      return Quote.decline("no cleared trade " + key);
    }
    MatchedPair pair = found.get();
    if (!pair.bidder().equals(consumer)) {
      return Quote.decline("trade " + key + " is not this consumer's");
    }
    if (Integer.toUnsignedLong(request.getUnits()) != pair.trade().units()) {
      return Quote.decline("trade " + key + " cleared " + pair.trade().units() + " units, not "
          + Integer.toUnsignedLong(request.getUnits()));
    }
    if (concluded.contains(key)) {
      return Quote.decline("trade " + key + " is already concluded");
    }
    long price = pair.trade().sellerGetsPerUnit();
    if (request.getMaxPriceMicrosPerUnitHour() < price) {
      return Quote.decline("trade " + key + " cleared at " + price + " per unit, above the maximum "
          + request.getMaxPriceMicrosPerUnitHour());
    }
    if (inner != null) {
      Quote q = inner.quote(consumer, request);
      if (q.declined()) {
        return q;
      }
    }
    pending.put(request.getRequestId(), key);
    return Quote.price(price);
  }

  @Override
  public synchronized boolean commit(AgreementTerms terms) {
    TradeKey key = pending.remove(terms.getRequestId());
    if (key == null || concluded.contains(key)) {
      return false;
    }
    if (inner != null && !inner.commit(terms)) {
      return false;
    }
    concluded.add(key);
    committed.put(terms.getRequestId(), key);
    if (concluded.size() > 2 * trades.capacity()) {
      // A forgotten trade is declined anyway ("no cleared trade"): its mark can go.
      concluded.removeIf(k -> trades.find(k).isEmpty());
    }
    return true;
  }

  @Override
  public synchronized void release(AgreementTerms terms) {
    TradeKey key = committed.remove(terms.getRequestId());
    if (key != null) {
      concluded.remove(key);
      if (inner != null) {
        inner.release(terms);
      }
    }
  }

  /** Whether the trade named by {@code key} has been concluded (committed, not released). */
  public synchronized boolean isConcluded(TradeKey key) {
    return concluded.contains(key);
  }
}
