package dev.icon.market.auction;

import dev.icon.overlay.identity.PeerId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Listener fan-out and rejection counters of one participant. Thread-safe. */
final class MarketEvents {
  private static final Logger log = LoggerFactory.getLogger(MarketEvents.class);
  private final List<MarketListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<MarketError, LongAdder> counts = new EnumMap<>(MarketError.class);

  MarketEvents() {
    for (MarketError e : MarketError.values()) {
      counts.put(e, new LongAdder());
    }
  }

  void add(MarketListener l) {
    listeners.add(l);
  }

  void remove(MarketListener l) {
    listeners.remove(l);
  }

  long count(MarketError e) {
    return counts.get(e).sum();
  }

  void rejected(MarketException e, PeerId from, long round) {
    counts.get(e.error()).increment();
    log.debug("market message from {} (round {}) refused: {}", from, round, e.getMessage());
    MarketRejection r = new MarketRejection(e.error(), from, round, e.getMessage());
    fire(l -> l.onRejected(r));
  }

  void fire(Consumer<MarketListener> call) {
    for (MarketListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        log.warn("market listener {} threw", l, e);
      }
    }
  }
}
