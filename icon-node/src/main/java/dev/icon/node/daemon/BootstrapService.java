package dev.icon.node.daemon;

import dev.icon.overlay.api.Dht;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Joins the overlay through {@code bootstrap:} peers: a DHT bootstrap at start, retried every
 * {@value #RETRY_SECONDS} s while the routing table is empty (a bootstrap peer may come up after
 * us). Reports {@code bootstrapped} {routingTable} or an {@code error}.
 */
final class BootstrapService implements NodeService {

  static final long RETRY_SECONDS = 5;

  private final AtomicInteger attempts = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicBoolean inFlight =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile NodeContext context;
  private volatile ScheduledFuture<?> retry;
  private volatile String lastError;

  @Override
  public String name() {
    return "bootstrap";
  }

  @Override
  public void start(NodeContext ctx) {
    this.context = ctx;
    if (ctx.config().bootstrap().isEmpty()) {
      return;
    }
    retry = ctx.scheduler().scheduleWithFixedDelay(this::attempt, 0, RETRY_SECONDS,
        TimeUnit.SECONDS);
  }

  /** On the scheduler thread; never blocks it (the lookup completes elsewhere). */
  private void attempt() {
    Dht dht = context.host().dht().orElseThrow();
    if ((!dht.routingTable().isEmpty() && attempts.get() > 0) || !inFlight.compareAndSet(false,
        true)) {
      return;
    }
    attempts.incrementAndGet();
    dht.bootstrap(context.config().bootstrap())
        .orTimeout(RETRY_SECONDS * 4, TimeUnit.SECONDS)
        .whenComplete((size, e) -> {
          inFlight.set(false);
          if (e == null) {
            lastError = null;
            context.events().emit("bootstrapped", Map.of("routingTable", size));
          } else {
            lastError = String.valueOf(e.getMessage());
            context.events().error("bootstrap", e);
          }
        });
  }

  @Override
  public void stop() {
    ScheduledFuture<?> r = retry;
    if (r != null) {
      r.cancel(false);
    }
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> m = new LinkedHashMap<>();
    NodeContext c = context;
    m.put("peers", c == null ? List.of()
        : c.config().bootstrap().stream().map(Object::toString).toList());
    m.put("attempts", attempts.get());
    if (lastError != null) {
      m.put("lastError", lastError);
    }
    return m;
  }
}
