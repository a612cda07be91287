package dev.icon.node.daemon;

import dev.icon.gossip.api.GossipMessage;
import dev.icon.gossip.api.PubSub;
import dev.icon.gossip.api.Registration;
import dev.icon.gossip.api.Subscription;
import dev.icon.gossip.api.ValidationResult;
import dev.icon.overlay.api.Dht;
import dev.icon.overlay.api.DhtPeer;
import dev.icon.overlay.kad.IconProviders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Providers: as a provider, advertises this node as an ICON edge provider in the DHT ({@link
 * IconProviders#advertiseEdge}) and publishes a {@link ProviderAnnouncement} on {@code
 * /icon/providers/1} every {@code provider.announce_interval_ms}; on every node, keeps the
 * providers it learnt of (from gossip and from DHT lookups), at most {@value #MAX_KNOWN}.
 * Malformed announcements are counted and dropped.
 */
final class ProvidersService implements NodeService {

  static final int MAX_KNOWN = 1024;
  private static final int LOOKUP_MAX = 20;

  private final boolean provider;
  private final Map<String, Map<String, Object>> known = new ConcurrentHashMap<>();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong announced = new AtomicLong();
  private volatile NodeContext context;
  private volatile ScheduledFuture<?> task;
  private volatile Subscription subscription;
  private volatile Registration validator;

  ProvidersService(boolean provider) {
    this.provider = provider;
  }

  @Override
  public String name() {
    return "providers";
  }

  @Override
  public void start(NodeContext ctx) {
    context = ctx;
    io.micrometer.core.instrument.Gauge.builder("icon.node.providers.known", known, Map::size)
        .description("providers learnt from gossip and the DHT").register(ctx.metrics());
    ctx.pubsub().ifPresent(p -> {
      validator = p.addValidator(ProviderAnnouncement.TOPIC, this::validate);
      subscription = p.subscribe(ProviderAnnouncement.TOPIC, this::onMessage);
    });
    long every = ctx.config().provider().announceInterval().toMillis();
    task = ctx.scheduler().scheduleWithFixedDelay(this::round, 0, every, TimeUnit.MILLISECONDS);
  }

  /** On the router thread: malformed announcements are rejected (not delivered, not forwarded). */
  private ValidationResult validate(GossipMessage m) {
    if (m.from() != null && ProviderAnnouncement.decode(m.data()).isPresent()) {
      return ValidationResult.ACCEPT;
    }
    rejected.incrementAndGet();
    return ValidationResult.REJECT;
  }

  private void onMessage(GossipMessage m) {
    if (m.from() == null || m.from().equals(context.host().peerId())) {
      return;
    }
    ProviderAnnouncement.decode(m.data()).ifPresentOrElse(a -> remember(m.from().toBase58(),
        "gossip", a.addrs(), a), () -> { });
  }

  private void remember(String peer, String source, List<String> addrs, ProviderAnnouncement a) {
    if (known.size() >= MAX_KNOWN && !known.containsKey(peer)) {
      return;
    }
    Map<String, Object> e = new LinkedHashMap<>();
    Map<String, Object> old = known.get(peer);
    e.put("peerId", peer);
    e.put("source", old != null && !old.get("source").equals(source) ? "dht+gossip" : source);
    e.put("addrs", addrs);
    if (a != null) {
      e.put("cpuMillis", a.cpuMillis());
      e.put("memoryMib", a.memoryMib());
      e.put("priceMicrosPerUnitHour", a.priceMicrosPerUnitHour());
    } else if (old != null && old.containsKey("cpuMillis")) {
      e.put("cpuMillis", old.get("cpuMillis"));
      e.put("memoryMib", old.get("memoryMib"));
      e.put("priceMicrosPerUnitHour", old.get("priceMicrosPerUnitHour"));
    }
    e.put("lastSeenMs", context.clock().millis());
    known.put(peer, e);
  }

  private void round() {
    NodeContext c = context;
    Dht dht = c.host().dht().orElseThrow();
    if (provider) {
      IconProviders.advertiseEdge(dht).whenComplete((n, e) -> {
        if (e == null) {
          announced.incrementAndGet();
        }
      });
      c.pubsub().ifPresent(this::publish);
    }
    IconProviders.findEdgeProviders(dht, LOOKUP_MAX).thenAccept(found -> {
      for (DhtPeer p : found) {
        if (!p.id().equals(c.host().peerId())) {
          remember(p.id().toBase58(), "dht", p.addrs().stream().map(Object::toString).toList(),
              null);
        }
      }
    });
  }

  private void publish(PubSub pubsub) {
    byte[] data = ProviderAnnouncement.of(context.host().dialAddrs(), context.config().provider())
        .encode();
    pubsub.publish(ProviderAnnouncement.TOPIC, data).exceptionally(e -> null);
  }

  @Override
  public void stop() {
    ScheduledFuture<?> t = task;
    if (t != null) {
      t.cancel(false);
    }
    Subscription s = subscription;
    if (s != null) {
      s.close();
    }
    Registration v = validator;
    if (v != null) {
      v.close();
    }
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("provider", provider);
    m.put("dhtAdvertisements", announced.get());
    m.put("rejectedAnnouncements", rejected.get());
    m.put("known", List.copyOf(known.values()));
    return m;
  }
}
