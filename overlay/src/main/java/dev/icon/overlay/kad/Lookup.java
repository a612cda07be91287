package dev.icon.overlay.kad;

import dev.icon.overlay.identity.IdentityException;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.kad.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One iterative Kademlia lookup toward the key of a request (FIND_NODE, GET_VALUE or
 * GET_PROVIDERS), independent of any transport: requests go out through a {@link KadQuerier},
 * timeouts through a {@link KadTimer}.
 *
 * <p>Algorithm (the spec's peer routing): candidates are ordered by XOR distance to the target.
 * Among the k closest candidates that have not failed, those not yet asked are sent the request,
 * at most {@link KadConfig#alpha()} at a time. Each answer adds its closer peers (at most {@link
 * KadConfig#maxCloserPeersPerResponse()}, unparsable ids dropped, ourselves skipped). A request
 * that fails or is unanswered within {@link KadConfig#requestTimeout()} marks its peer failed, and
 * the next candidate takes its place. The lookup ends when those k closest have all answered
 * ({@code CONVERGED}; also when fewer than k peers are reachable), when the {@link LookupHandler}
 * says so ({@code STOPPED}), or on {@link #cancel()}. Peers far from the target are never asked, so
 * garbage or far-away answers cannot stall a lookup, only cost one request slot each.
 *
 * <p>Threading: thread-safe. State is guarded by the lookup's lock; the querier is called without
 * it, and answers may complete on any thread. The result future completes on the thread that
 * delivers the deciding event. Single use: {@link #start()} once.
 */
public final class Lookup {

  private enum Status {
    CANDIDATE,
    WAITING,
    SUCCEEDED,
    FAILED
  }

  private static final class Peer {
    final KadPeer peer;
    final KadKey key;
    final int depth;
    Status status = Status.CANDIDATE;
    Runnable cancelTimeout = () -> {};

    Peer(KadPeer peer, KadKey key, int depth) {
      this.peer = peer;
      this.key = key;
      this.depth = depth;
    }
  }

  private final PeerId self;
  private final Message request;
  private final KadConfig config;
  private final KadQuerier querier;
  private final KadTimer timer;
  private final LookupHandler handler;
  private final Object lock = new Object();
  private final TreeMap<KadKey, Peer> byDistance;
  private final Map<PeerId, Peer> byId = new HashMap<>();
  private final CompletableFuture<LookupResult> result = new CompletableFuture<>();
  private boolean started;
  private boolean pumping;
  private LookupResult.Termination termination;
  private int inFlight;
  private int queried;
  private int succeeded;
  private int failed;
  private int timedOut;
  private int invalidPeers;
  private int maxHops;

  /**
   * A lookup by {@code self} sending {@code request} (its key is the target), starting from {@code
   * seeds} (typically the routing table's k closest to the target).
   */
  public Lookup(PeerId self, Message request, List<KadPeer> seeds, KadConfig config,
      KadQuerier querier, KadTimer timer, LookupHandler handler) {
    this.self = Objects.requireNonNull(self, "self");
    this.request = Objects.requireNonNull(request, "request");
    this.config = Objects.requireNonNull(config, "config");
    this.querier = Objects.requireNonNull(querier, "querier");
    this.timer = Objects.requireNonNull(timer, "timer");
    this.handler = Objects.requireNonNull(handler, "handler");
    KadKey target = KadKey.of(request.getKey().toByteArray());
    this.byDistance = new TreeMap<>(target.byDistance());
    for (KadPeer seed : seeds) {
      learn(seed, 0);
    }
  }

  /**
   * Starts the lookup; the future completes when it ends, never exceptionally.
   *
   * @throws IllegalStateException if already started
   */
  public CompletableFuture<LookupResult> start() {
    synchronized (lock) {
      if (started) {
        throw new IllegalStateException("a Lookup runs once");
      }
      started = true;
    }
    pump();
    return result;
  }

  /** Ends the lookup now ({@code CANCELLED}) unless it has ended; answers arriving later are ignored. */
  public void cancel() {
    finish(LookupResult.Termination.CANCELLED);
  }

  /** Sends what may be sent; repeats while answers arrive synchronously; finishes when done. */
  private void pump() {
    synchronized (lock) {
      if (pumping) {
        return;
      }
      pumping = true;
    }
    while (true) {
      List<Peer> toSend = new ArrayList<>();
      boolean converged;
      synchronized (lock) {
        converged = termination == null && select(toSend);
        if (termination != null || converged || toSend.isEmpty()) {
          pumping = false;
        }
      }
      if (converged) {
        finish(LookupResult.Termination.CONVERGED);
        return;
      }
      if (toSend.isEmpty()) {
        return;
      }
      toSend.forEach(this::send);
    }
  }

  /** Under the lock: picks requests to send; returns true if the lookup has converged. */
  private boolean select(List<Peer> toSend) {
    int considered = 0;
    boolean allAnswered = true;
    for (Peer p : byDistance.values()) {
      if (considered == config.k()) {
        break;
      }
      if (p.status == Status.FAILED) {
        continue;
      }
      considered++;
      if (p.status == Status.CANDIDATE && inFlight < config.alpha()) {
        p.status = Status.WAITING;
        inFlight++;
        queried++;
        toSend.add(p);
      }
      allAnswered &= p.status == Status.SUCCEEDED;
    }
    return allAnswered && inFlight == 0;
  }

  private void send(Peer p) {
    Runnable cancel = timer.schedule(config.requestTimeout(), () -> onTimeout(p));
    synchronized (lock) {
      p.cancelTimeout = cancel;
    }
    CompletionStage<Message> answer;
    try {
      answer = querier.query(p.peer, request);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    answer.whenComplete((response, error) -> {
      if (error == null && response != null) {
        onAnswer(p, response);
      } else {
        onFailure(p, false);
      }
    });
  }

  private void onAnswer(Peer p, Message response) {
    boolean stop;
    synchronized (lock) {
      if (p.status != Status.WAITING || termination != null) {
        return;
      }
      p.cancelTimeout.run();
      p.status = Status.SUCCEEDED;
      inFlight--;
      succeeded++;
      maxHops = Math.max(maxHops, p.depth + 1);
      List<Message.Peer> closer = response.getCloserPeersList();
      int accepted = Math.min(closer.size(), config.maxCloserPeersPerResponse());
      invalidPeers += closer.size() - accepted;
      for (int i = 0; i < accepted; i++) {
        Message.Peer entry = closer.get(i);
        try {
          learn(new KadPeer(PeerId.fromBytes(entry.getId().toByteArray()), entry.getAddrsList()),
              p.depth + 1);
        } catch (IdentityException e) {
          invalidPeers++;
        }
      }
      stop = handler.onResponse(p.peer.id(), response);
    }
    if (stop) {
      finish(LookupResult.Termination.STOPPED);
    } else {
      pump();
    }
  }

  private void onTimeout(Peer p) {
    onFailure(p, true);
  }

  private void onFailure(Peer p, boolean timeout) {
    synchronized (lock) {
      if (p.status != Status.WAITING || termination != null) {
        return;
      }
      p.cancelTimeout.run();
      p.status = Status.FAILED;
      inFlight--;
      if (timeout) {
        timedOut++;
      } else {
        failed++;
      }
    }
    pump();
  }

  /** Under the lock (or in the constructor): adds a peer not seen before. */
  private void learn(KadPeer peer, int depth) {
    if (peer.id().equals(self) || byId.containsKey(peer.id())) {
      return;
    }
    Peer p = new Peer(peer, KadKey.of(peer.id()), depth);
    byId.put(peer.id(), p);
    byDistance.put(p.key, p);
  }

  private void finish(LookupResult.Termination why) {
    LookupResult outcome;
    synchronized (lock) {
      if (termination != null) {
        return;
      }
      termination = why;
      List<PeerId> closest = new ArrayList<>(config.k());
      Map<PeerId, LookupResult.Seen> seen = new HashMap<>();
      List<PeerId> unresponsive = new ArrayList<>();
      for (Peer p : byDistance.values()) {
        if (p.status == Status.FAILED) {
          unresponsive.add(p.peer.id());
        }
        p.cancelTimeout.run();
        seen.put(p.peer.id(), new LookupResult.Seen(p.peer, p.depth));
        if (p.status == Status.SUCCEEDED && closest.size() < config.k()) {
          closest.add(p.peer.id());
        }
      }
      outcome = new LookupResult(why, closest, seen, unresponsive, queried, succeeded, failed,
          timedOut, invalidPeers, maxHops);
    }
    result.complete(outcome);
  }
}
