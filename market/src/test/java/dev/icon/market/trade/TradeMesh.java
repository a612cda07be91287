package dev.icon.market.trade;

import dev.icon.gossip.api.GossipBuilder;
import dev.icon.gossip.api.PubSub;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.market.auction.DoubleAuctionClearing;
import dev.icon.market.auction.MarketConfig;
import dev.icon.market.auction.MarketParticipant;
import dev.icon.market.ledger.InMemoryLedger;
import dev.icon.market.ledger.Ledger;
import dev.icon.market.negotiate.AgreementId;
import dev.icon.market.negotiate.AgreementStore;
import dev.icon.market.negotiate.CapacityOfferPolicy;
import dev.icon.market.negotiate.MemoryAgreementStore;
import dev.icon.market.negotiate.NegotiateConfig;
import dev.icon.market.negotiate.NegotiateController;
import dev.icon.market.store.LedgerAgreementStore;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Real overlay hosts on 127.0.0.1 port 0 with real gossipsub: ICONs (market participant plus a
 * {@link MatchNegotiator}) and providers (participant, {@link ClearedTrades}, a negotiation
 * controller serving {@link ClearedTradePolicy}, agreements in a {@link Ledger}). The
 * market runs on one hand-moved clock; negotiation on the wall clock (expiries cross peers).
 */
final class TradeMesh implements AutoCloseable {
  static final MarketConfig MARKET = MarketConfig.builder().period(Duration.ofSeconds(60))
      .commitWindow(Duration.ofSeconds(20)).revealWindow(Duration.ofSeconds(20))
      .maxOffersPerAuthor(16).maxOffersPerRound(64).build();
  static final NegotiateConfig NEGOTIATE = NegotiateConfig.forTests();
  static final MatchConfig MATCH = MatchConfig.builder().maxConcurrent(2).attempts(10)
      .retryDelay(Duration.ofMillis(100)).attemptTimeout(Duration.ofSeconds(10)).build();

  final MutableClock clock = new MutableClock();
  private final List<AutoCloseable> closers = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();

  /** Counts what a store really saved (the provider's view of "stored"). */
  static final class CountingStore implements AgreementStore {
    final AgreementStore inner;
    final AtomicInteger saved = new AtomicInteger();

    CountingStore(AgreementStore inner) {
      this.inner = inner;
    }

    @Override
    public boolean saveIfAbsent(AgreementId id, byte[] agreement) {
      boolean ok = inner.saveIfAbsent(id, agreement);
      if (ok) {
        saved.incrementAndGet();
      }
      return ok;
    }

    @Override
    public Optional<byte[]> find(AgreementId id) {
      return inner.find(id);
    }
  }

  /** A node; ICON fields or provider fields are null as the role says. */
  record Node(Host host, PrivateKey key, PubSub pubsub, MarketParticipant market,
      NegotiateController negotiate, CountingStore store, MatchNegotiator matches,
      Queue<MatchOutcome> outcomes, Ledger ledger, ClearedTrades trades,
      ClearedTradePolicy policy) {
    PeerId id() {
      return host.peerId();
    }
  }

  Node icon() {
    Base b = base();
    CountingStore store = new CountingStore(new MemoryAgreementStore());
    NegotiateController nc = NegotiateController.builder(b.host, b.key).config(NEGOTIATE)
        .store(store).build();
    Queue<MatchOutcome> outcomes = new ConcurrentLinkedQueue<>();
    MatchNegotiator mn = MatchNegotiator.create(nc, b.host.peerId(), MATCH, Clock.systemUTC(),
        outcomes::add, null);
    closers.add(0, mn);
    b.market.addListener(mn);
    return add(new Node(b.host, b.key, b.pubsub, b.market, nc, store, mn, outcomes, null, null,
        null));
  }

  /** A provider with an {@link InMemoryLedger}. */
  Node provider() {
    InMemoryLedger ledger = new InMemoryLedger();
    closers.add(ledger);
    return provider(ledger);
  }

  /** A provider storing agreements in {@code ledger} (not closed here). */
  Node provider(Ledger ledger) {
    Base b = base();
    ClearedTrades trades = new ClearedTrades(b.host.peerId());
    b.market.addListener(trades);
    ClearedTradePolicy policy =
        new ClearedTradePolicy(trades, new CapacityOfferPolicy(0, 1_000_000, 1_000_000));
    CountingStore store = new CountingStore(new LedgerAgreementStore(ledger));
    NegotiateController nc = NegotiateController.builder(b.host, b.key).config(NEGOTIATE)
        .offerPolicy(policy).store(store).build();
    nc.start();
    closers.add(0, nc::stop);
    return add(new Node(b.host, b.key, b.pubsub, b.market, nc, store, null, null, ledger, trades,
        policy));
  }

  private record Base(Host host, PrivateKey key, PubSub pubsub, MarketParticipant market) {}

  private Base base() {
    PrivateKey key = PrivateKey.generateEd25519();
    Host h = Host.builder().identity(key).config(HostConfig.forTests())
        .listen("/ip4/127.0.0.1/tcp/0").build();
    closers.add(() -> h.stop().join());
    h.start().join();
    PubSub ps = GossipBuilder.on(h).identity(key).config(GossipConfig.forTests()).build();
    closers.add(0, ps);
    MarketParticipant p = MarketParticipant.builder(ps, key).config(MARKET).clock(clock)
        .clearing(new DoubleAuctionClearing()).build().start();
    closers.add(0, p);
    return new Base(h, key, ps, p);
  }

  private Node add(Node n) {
    nodes.add(n);
    return n;
  }

  /** Connects every pair and waits until each knows every other one on the market topic. */
  void fullMesh() {
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        Node b = nodes.get(j);
        get(nodes.get(i).host().dial(b.host().listenAddrs().get(0).withPeerId(b.id())));
      }
    }
    for (Node a : nodes) {
      for (Node b : nodes) {
        if (a != b) {
          await().until(() -> get(a.pubsub().topicPeers(MARKET.topic())).contains(b.id()));
        }
      }
    }
  }

  /** Commits, reveals and clears the current round on every node; returns its number. */
  long runRound(int offers) {
    long n = nodes.get(0).market().currentRound();
    tickAll();
    awaitProgress(n, offers, 0);
    clock.advance(MARKET.commitWindow());
    tickAll();
    awaitProgress(n, offers, offers);
    clock.advance(MARKET.revealWindow());
    tickAll();
    for (Node node : nodes) {
      await().until(() -> node.market().clearing(n).isPresent());
    }
    return n;
  }

  private void tickAll() {
    nodes.forEach(node -> get(node.market().tick()));
  }

  private void awaitProgress(long n, int commits, int reveals) {
    for (Node node : nodes) {
      await().until(() -> node.market().progress(n).commits() == commits
          && node.market().progress(n).reveals() >= reveals);
    }
  }

  static <T> T get(CompletableFuture<T> f) {
    try {
      return f.get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("future did not complete: " + e, e);
    }
  }

  /** The exception {@code f} fails with (unwrapped). */
  static Throwable getFailure(CompletableFuture<?> f) {
    try {
      f.get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("future did not fail in time: " + e, e);
    }
    throw new AssertionError("future succeeded; expected a failure");
  }

  static ConditionFactory await() {
    return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20));
  }

  @Override
  public void close() {
    for (AutoCloseable c : closers) {
      try {
        c.close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
  }
}
