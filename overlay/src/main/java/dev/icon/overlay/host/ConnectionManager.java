package dev.icon.overlay.host;

import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.identity.PeerId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection limits and bookkeeping of one host: total and per-peer limits (connections being
 * upgraded count against the total), dial deduplication, idle timeout and watermark trimming.
 *
 * <p>Threading: thread-safe (one lock; never held while calling out, except {@code dial}
 * suppliers, which must only start work). Time comes from the injected {@link Clock};
 * {@link #maintain()} is called periodically by the host and directly by tests.
 *
 * @param <C> the connection type
 */
public final class ConnectionManager<C extends ManagedConnection> {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionManager.class);

  private final HostConfig config;
  private final Clock clock;
  private final Map<PeerId, List<C>> byPeer = new HashMap<>();
  private final Map<Object, CompletableFuture<?>> pendingDials = new HashMap<>();
  private int established;
  private int pending;

  /** A manager enforcing {@code config}'s limits, reading time from {@code clock}. */
  public ConnectionManager(HostConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /**
   * Reserves a slot for a connection about to be upgraded; false when the total limit is reached
   * (the caller then closes the raw connection). A reserved slot is released by {@link #register}
   * or {@link #releasePending()}.
   */
  public synchronized boolean tryReservePending() {
    if (established + pending >= config.maxConnections()) {
      return false;
    }
    pending++;
    return true;
  }

  /** Releases a slot reserved by {@link #tryReservePending()} whose upgrade failed. */
  public synchronized void releasePending() {
    if (pending > 0) {
      pending--;
    }
  }

  /**
   * Turns a reserved slot into an established connection; false (slot released) when the peer
   * already has {@code maxConnectionsPerPeer} connections.
   */
  public synchronized boolean register(C connection) {
    releasePending();
    List<C> list = byPeer.computeIfAbsent(connection.peer(), p -> new ArrayList<>());
    if (list.size() >= config.maxConnectionsPerPeer()) {
      if (list.isEmpty()) {
        byPeer.remove(connection.peer());
      }
      return false;
    }
    list.add(connection);
    established++;
    return true;
  }

  /** Forgets a closed connection. Idempotent. */
  public synchronized void unregister(C connection) {
    List<C> list = byPeer.get(connection.peer());
    if (list != null && list.remove(connection)) {
      established--;
      if (list.isEmpty()) {
        byPeer.remove(connection.peer());
      }
    }
  }

  /** Established connections (snapshot). */
  public synchronized List<C> connections() {
    List<C> all = new ArrayList<>(established);
    byPeer.values().forEach(all::addAll);
    return all;
  }

  /** Established connections to {@code peer} (snapshot). */
  public synchronized List<C> connections(PeerId peer) {
    return List.copyOf(byPeer.getOrDefault(peer, List.of()));
  }

  /** An open connection to {@code peer}, the one with the fewest streams. */
  public synchronized Optional<C> best(PeerId peer) {
    return byPeer.getOrDefault(peer, List.of()).stream()
        .filter(ManagedConnection::isOpen)
        .min(Comparator.comparingInt(ManagedConnection::activeStreams));
  }

  /** Established plus being upgraded. */
  public synchronized int size() {
    return established + pending;
  }

  /**
   * Runs {@code dial} unless a dial with the same {@code key} (a peer id, or an address when the
   * peer is unknown) is in progress, in which case its future is returned: concurrent dials share
   * one connection attempt.
   */
  @SuppressWarnings("unchecked")
  public <T> CompletableFuture<T> dedupe(Object key, Supplier<CompletableFuture<T>> dial) {
    CompletableFuture<T> result;
    synchronized (this) {
      CompletableFuture<?> existing = pendingDials.get(key);
      if (existing != null) {
        return (CompletableFuture<T>) existing;
      }
      result = new CompletableFuture<>();
      pendingDials.put(key, result);
    }
    CompletableFuture<T> started;
    try {
      started = dial.get();
    } catch (RuntimeException e) {
      started = CompletableFuture.failedFuture(e);
    }
    started.whenComplete((v, e) -> {
      synchronized (this) {
        pendingDials.remove(key, result);
      }
      if (e != null) {
        result.completeExceptionally(e);
      } else {
        result.complete(v);
      }
    });
    return result;
  }

  /**
   * Closes connections idle (no streams) for {@code idleTimeout}, then, when more than {@code
   * highWatermark} remain, the least useful ones (fewest streams, longest unused, past their grace
   * period) until {@code lowWatermark} remain. Returns the connections it closed.
   */
  public List<C> maintain() {
    Instant now = clock.instant();
    List<C> toClose = new ArrayList<>();
    synchronized (this) {
      List<C> all = new ArrayList<>(established);
      byPeer.values().forEach(l -> l.stream().filter(ManagedConnection::isOpen).forEach(all::add));
      for (C c : all) {
        if (c.activeStreams() == 0 && !c.lastActive().plus(config.idleTimeout()).isAfter(now)) {
          toClose.add(c);
        }
      }
      int remaining = all.size() - toClose.size();
      if (remaining > config.highWatermark()) {
        List<C> candidates = new ArrayList<>();
        for (C c : all) {
          boolean young = Duration.between(c.openedAt(), now).compareTo(config.gracePeriod()) < 0;
          if (!toClose.contains(c) && !young) {
            candidates.add(c);
          }
        }
        candidates.sort(Comparator.comparingInt((C c) -> c.activeStreams())
            .thenComparing(ManagedConnection::lastActive));
        for (C c : candidates) {
          if (remaining <= config.lowWatermark()) {
            break;
          }
          toClose.add(c);
          remaining--;
        }
      }
    }
    for (C c : toClose) {
      LOG.debug("closing connection to {} (idle or trimmed)", c.peer());
      c.close();
    }
    return toClose;
  }
}
