package dev.icon.node.cli.peer;

import dev.icon.gossip.api.GossipBuilder;
import dev.icon.gossip.api.GossipMessage;
import dev.icon.gossip.api.GossipSettings;
import dev.icon.gossip.api.PubSub;
import dev.icon.gossip.api.PublishOutcome;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PrivateKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gossip part of {@code icon peer}: subscriptions with {@code message} events, the load
 * receiver, then (after {@code --publish-delay}) {@code --publish} and {@code --load-publish}, and
 * the summaries printed at shutdown. Built on a started host; {@link #publishAll} blocks its
 * caller, the rest returns at once. Message handlers print on the router thread.
 */
final class GossipActions implements AutoCloseable {

  private final PubSub pubsub;
  private final EventPrinter events;
  private final GossipOptions options;
  private final Clock clock;
  private final LoadReceiver receiver;
  private final GossipStats stats;

  private GossipActions(PubSub pubsub, EventPrinter events, GossipOptions options, Clock clock,
      GossipStats stats) {
    this.pubsub = pubsub;
    this.events = events;
    this.options = options;
    this.clock = clock;
    this.stats = stats;
    this.receiver = options.loadReceive == null ? null
        : new LoadReceiver(options.loadReceive, clock);
  }

  /** Starts pub/sub on {@code host} (whose identity is {@code key}) and subscribes. */
  static GossipActions start(Host host, PrivateKey key, GossipOptions options, EventPrinter events,
      Clock clock) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    GossipBuilder builder = GossipBuilder.on(host).identity(key).meterRegistry(registry)
        .settings(options.settings(GossipSettings.defaults()));
    String prefix = builder.settings().metricsPrefix();
    GossipActions actions = new GossipActions(builder.build(), events, options, clock,
        new GossipStats(registry, prefix));
    actions.subscribe();
    return actions;
  }

  private void subscribe() {
    if (receiver != null) {
      pubsub.subscribe(receiver.topic(), receiver::record);
    }
    for (String topic : options.subscribe) {
      if (!topic.equals(options.loadReceive)) {
        pubsub.subscribe(topic, this::printMessage);
      }
    }
  }

  /** The pub/sub this runs on. */
  PubSub pubsub() {
    return pubsub;
  }

  /** The {@code message} event of a delivered message. */
  static Map<String, Object> messageFields(GossipMessage m) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("topic", m.topic());
    f.put("from", m.from() == null ? null : m.from().toBase58());
    f.put("data", new String(m.data(), StandardCharsets.UTF_8));
    f.put("seqno", m.seqno() == null ? null : m.seqnoHex());
    f.put("msgId", m.id().toString());
    f.put("receivedFrom", m.receivedFrom().toBase58());
    return f;
  }

  private void printMessage(GossipMessage m) {
    events.emit("message", messageFields(m));
  }

  /** Whether there is anything to publish. */
  boolean publishes() {
    return !options.publish.isEmpty() || options.loadPublish != null;
  }

  /**
   * Waits for {@code dialsDone} (the {@code --dial} actions) and then {@code --publish-delay},
   * then runs {@code --publish} and {@code --load-publish} through {@code runner} (a failure is an
   * {@code error} event there). Blocks.
   */
  void publishAll(ActionRunner runner, java.util.concurrent.CountDownLatch dialsDone,
      long timeoutSeconds) throws InterruptedException {
    if (!publishes()) {
      return;
    }
    dialsDone.await(); // each dial has its own timeout, so this ends
    Thread.sleep(options.publishDelayMs); // the documented --publish-delay, not a condition
    if (!options.publish.isEmpty()) {
      runner.run("publish", () -> {
        for (PublishSpec p : options.publish) {
          PublishOutcome o = pubsub.publish(p.topic(), p.text().getBytes(StandardCharsets.UTF_8))
              .get(timeoutSeconds, TimeUnit.SECONDS);
          events.emit("published", Map.of("topic", p.topic(), "recipients", o.recipients()));
        }
      });
    }
    if (options.loadPublish != null) {
      runner.run("load-publish", () -> new LoadPublisher(pubsub, events, clock).run(
          options.loadPublish, options.loadCountOrDefault(), options.loadRateOrDefault(),
          options.loadSizeOrDefault(), timeoutSeconds));
    }
  }

  /** The summary events printed at shutdown, before {@code shutdown}. */
  List<Runnable> finalReports() {
    List<Runnable> reports = new ArrayList<>();
    if (options.gossipStats) {
      reports.add(() -> events.emit("gossip-stats", stats.snapshot()));
    }
    if (receiver != null) {
      reports.add(() -> events.emit("load-summary", receiver.summary()));
    }
    return reports;
  }

  @Override
  public void close() {
    pubsub.close();
  }
}
