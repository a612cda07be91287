package dev.icon.node.daemon;

import dev.icon.gossip.api.GossipBuilder;
import dev.icon.gossip.api.PubSub;
import dev.icon.node.admin.AdminServer;
import dev.icon.node.config.NodeConfig;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostBuilder;
import dev.icon.overlay.identity.KeyFiles;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.kad.KadConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The ICON daemon: a libp2p host with the DHT, gossip, the {@link NodeService}s its config asks
 * for ({@link DefaultServices}) plus any added with {@link #addService}, and the admin HTTP API.
 *
 * <pre>{@code
 * IconNode node = new IconNode(NodeConfigParser.parse(path), events);
 * node.start();   // host, gossip, services in order, admin API last
 * ...
 * node.stop();    // admin API, services in reverse order, gossip, host
 * }</pre>
 *
 * <p>Threading: {@link #start} and {@link #stop} block and are idempotent (a stopped node cannot
 * be started again); {@link #status} is thread-safe.
 */
public final class IconNode {

  private static final long HOST_TIMEOUT_SECONDS = 30;

  private final NodeConfig config;
  private final NodeEvents events;
  private final Clock clock;
  private final List<ServiceSlot> services = new ArrayList<>();
  private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "icon-node");
    t.setDaemon(true);
    return t;
  });
  private volatile Host host;
  private volatile PubSub pubsub;
  private volatile AdminServer admin;
  private JvmMetrics jvm;
  private boolean started;
  private boolean stopped;

  /** A node running {@code config}'s default services, reporting to {@code events}. */
  public IconNode(NodeConfig config, NodeEvents events) {
    this(config, events, Clock.systemUTC());
  }

  /** As above with a clock. */
  public IconNode(NodeConfig config, NodeEvents events, Clock clock) {
    this.config = config;
    this.events = events;
    this.clock = clock;
    DefaultServices.forConfig(config).forEach(this::addService);
  }

  /** Adds a service started after the ones already added; only before {@link #start}. */
  public synchronized IconNode addService(NodeService service) {
    if (started) {
      throw new IllegalStateException("services are added before start");
    }
    services.add(new ServiceSlot(service));
    return this;
  }

  /** Starts everything; on failure stops what started and throws. */
  public synchronized void start() throws Exception {
    if (started) {
      return;
    }
    started = true;
    try {
      Files.createDirectories(config.dataDir());
      PrivateKey key = KeyFiles.loadOrCreate(config.keyFile());
      jvm = JvmMetrics.bind(metrics);
      host = buildHost(key);
      host.start().get(HOST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      Host h = host;
      Gauge.builder("icon.node.peers.connected", () -> h.connections().size())
          .description("open libp2p connections").register(metrics);
      Gauge.builder("icon.node.dht.routing.table", () -> h.dht().map(d -> d.routingTable().size())
          .orElse(0)).description("peers in the DHT routing table").register(metrics);
      if (config.gossip()) {
        pubsub = GossipBuilder.on(host).identity(key).meterRegistry(metrics).build();
      }
      NodeContext context = new NodeContext(config, host, key, Optional.ofNullable(pubsub),
          metrics, events, scheduler, clock);
      for (ServiceSlot slot : services) {
        slot.start(context);
      }
      admin = AdminServer.start(config.admin(), this::status, metrics::scrape);
    } catch (Exception e) {
      stop();
      throw e;
    }
    events.emit("node-up", Map.of("peerId", host.peerId().toBase58(),
        "addrs", host.dialAddrs().stream().map(Object::toString).toList(),
        "roles", config.roles().stream().map(r -> r.yamlName()).sorted().toList(),
        "admin", adminAddress().map(a -> a.getHostString() + ":" + a.getPort()).orElse("")));
  }

  /** Stops the admin API, the services (reverse order), gossip and the host; idempotent. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (admin != null) {
      admin.stop();
    }
    for (int i = services.size() - 1; i >= 0; i--) {
      services.get(i).stop(events);
    }
    if (pubsub != null) {
      try {
        pubsub.close();
      } catch (RuntimeException e) {
        events.error("stop gossip", e);
      }
    }
    if (host != null) {
      try {
        host.stop().get(HOST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (Exception e) {
        events.error("stop host", e);
      }
    }
    scheduler.shutdownNow();
    if (jvm != null) {
      jvm.close();
    }
    metrics.close();
  }

  /** The {@code /status} document (see {@link NodeStatus}). */
  public Map<String, Object> status() {
    return NodeStatus.of(config, host, pubsub, services);
  }

  /** Where the admin API listens, once started. */
  public Optional<InetSocketAddress> adminAddress() {
    AdminServer a = admin;
    return a == null ? Optional.empty() : Optional.of(a.address());
  }

  /** The host, once started. */
  public Optional<Host> host() {
    return Optional.ofNullable(host);
  }

  /** The configuration. */
  public NodeConfig config() {
    return config;
  }

  private Host buildHost(PrivateKey key) {
    HostBuilder b = Host.builder().identity(key).clock(clock)
        .listener(new ConnectionEvents(events))
        .dht(config.dhtMode(), KadConfig.defaults());
    config.listen().forEach(b::listen);
    return b.build();
  }
}
