package dev.icon.node.ingress;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway's switchable route and its count of requests in flight. Thread-safe: the route is
 * swapped atomically; a request reads it once on arrival and keeps that decision.
 */
final class IngressState {

  private final Clock clock;
  private final AtomicReference<IngressRoute> route;
  private final List<CompletableFuture<Void>> idleWaiters = new ArrayList<>();
  private int inFlight;

  IngressState(IngressRoute initial, Clock clock) {
    this.route = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  Clock clock() {
    return clock;
  }

  IngressRoute route() {
    return route.get();
  }

  void route(IngressRoute next) {
    route.set(Objects.requireNonNull(next, "route"));
  }

  /** The mode a request arriving now gets. */
  IngressMode modeNow() {
    return route.get().modeAt(clock.instant());
  }

  synchronized void started() {
    inFlight++;
  }

  void finished() {
    List<CompletableFuture<Void>> done = List.of();
    synchronized (this) {
      inFlight--;
      if (inFlight == 0 && !idleWaiters.isEmpty()) {
        done = new ArrayList<>(idleWaiters);
        idleWaiters.clear();
      }
    }
    done.forEach(f -> f.complete(null));
  }

  synchronized int inFlight() {
    return inFlight;
  }

  /** Completes when no request is in flight (at once if none is). */
  CompletableFuture<Void> idle() {
    CompletableFuture<Void> f = new CompletableFuture<>();
    synchronized (this) {
      if (inFlight > 0) {
        idleWaiters.add(f);
        return f;
      }
    }
    f.complete(null);
    return f;
  }
}
