package dev.icon.market.auction;

import dev.icon.gossip.api.GossipBuilder;
import dev.icon.gossip.api.PubSub;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.testing.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Real overlay hosts on 127.0.0.1 port 0 with real gossip, each optionally running a market
 * participant; all share one hand-moved clock. Closes everything it started.
 */
final class MarketNodes implements AutoCloseable {
  static final MarketConfig CONFIG = RoundFixture.CONFIG.toBuilder().maxOffersPerAuthor(32)
      .maxOffersPerRound(128).build();
  final MutableClock clock = new MutableClock();
  private final List<Host> hosts = new ArrayList<>();
  private final List<PubSub> pubsubs = new ArrayList<>();
  private final List<MarketParticipant> participants = new ArrayList<>();

  /** One node: host, key, pub/sub, its gossip meters, and its participant (or null). */
  record Node(Host host, PrivateKey key, PubSub pubsub, MeterRegistry registry,
      MarketParticipant market, Events events) {
    PeerId id() {
      return host.peerId();
    }

    Multiaddr addr() {
      return host.listenAddrs().get(0).withPeerId(host.peerId());
    }

    double meter(String name) {
      return registry.find(name).meters().stream()
          .mapToDouble(m -> m.measure().iterator().next().getValue()).sum();
    }
  }

  /** Everything a participant reported. */
  static final class Events implements MarketListener {
    final Queue<MarketRejection> rejected = new ConcurrentLinkedQueue<>();
    final Queue<OfferExclusion> excluded = new ConcurrentLinkedQueue<>();
    final Queue<RoundClearing> cleared = new ConcurrentLinkedQueue<>();
    final Queue<MatchedPair> matched = new ConcurrentLinkedQueue<>();
    final Queue<ClearingCheck> checks = new ConcurrentLinkedQueue<>();

    @Override public void onRejected(MarketRejection r) { rejected.add(r); }
    @Override public void onExcluded(OfferExclusion e) { excluded.add(e); }
    @Override public void onCleared(RoundClearing c) { cleared.add(c); }
    @Override public void onMatched(MatchedPair p) { matched.add(p); }
    @Override public void onClearingChecked(ClearingCheck c) { checks.add(c); }

    long checks(PeerId peer, ClearingCheck.Verdict verdict) {
      return checks.stream().filter(c -> c.peer().equals(peer) && c.verdict() == verdict).count();
    }
  }

  /** A node running a participant with {@code clearing}. */
  Node participant(ClearingFunction clearing) {
    return node(clearing, b -> b);
  }

  /** A node running a participant with {@code clearing}, its gossip customized. */
  Node participant(ClearingFunction clearing, UnaryOperator<GossipBuilder> gossip) {
    return node(clearing, gossip);
  }

  /** A node with pub/sub but no participant (publishes by hand). */
  Node bare() {
    return node(null, b -> b);
  }

  private Node node(ClearingFunction clearing, UnaryOperator<GossipBuilder> gossip) {
    PrivateKey key = PrivateKey.generateEd25519();
    Host h = Host.builder().identity(key).config(HostConfig.forTests())
        .listen("/ip4/127.0.0.1/tcp/0").build();
    hosts.add(h);
    h.start().join();
    MeterRegistry registry = new SimpleMeterRegistry();
    PubSub ps = gossip.apply(GossipBuilder.on(h).identity(key).config(GossipConfig.forTests())
        .meterRegistry(registry)).build();
    pubsubs.add(ps);
    Events events = new Events();
    MarketParticipant p = null;
    if (clearing != null) {
      p = MarketParticipant.builder(ps, key).config(CONFIG).clock(clock).clearing(clearing)
          .listener(events).build().start();
      participants.add(p);
    } else {
      ps.subscribe(CONFIG.topic(), m -> { });
    }
    return new Node(h, key, ps, registry, p, events);
  }

  /** Connects every pair and waits until each knows every other one on the market topic. */
  void fullMesh(List<Node> nodes) {
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        get(nodes.get(i).host().dial(nodes.get(j).addr()));
      }
    }
    for (Node a : nodes) {
      for (Node b : nodes) {
        if (a != b) {
          await().until(() -> get(a.pubsub().topicPeers(CONFIG.topic())).contains(b.id()));
        }
      }
    }
  }

  /** Ticks every participant and waits for their publishes. */
  void tickAll() {
    for (MarketParticipant p : participants) {
      get(p.tick());
    }
  }

  static <T> T get(CompletableFuture<T> f) {
    try {
      return f.get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("future did not complete: " + e, e);
    }
  }

  static ConditionFactory await() {
    return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20));
  }

  @Override
  public void close() {
    participants.forEach(MarketParticipant::close);
    pubsubs.forEach(PubSub::close);
    hosts.forEach(h -> h.stop().join());
  }
}
