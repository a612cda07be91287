package dev.icon.node.cli.peer;

import dev.icon.gossip.api.GossipSettings;
import dev.icon.gossip.router.GossipConfigBuilder;
import dev.icon.gossip.wire.StandardMessageIdFunction;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The gossipsub options of {@code icon peer}, the same names, defaults and checks as the js peer's.
 * Pub/sub runs only when one of them is given, so other uses of the peer see the protocol list they
 * always did. A picocli mixin; filled on the command-line thread, read-only afterwards.
 */
final class GossipOptions {

  /** {@code --msg-id} values: js's (and ICON's) default, and the spec's/go's. */
  static final List<String> MSG_ID_FUNCTIONS = List.of("pubkey-seqno", "from-seqno");

  @Option(names = "--subscribe", paramLabel = "TOPIC", arity = "1..*",
      description = "Subscribe (repeatable); every message received prints a message event.")
  List<String> subscribe = new ArrayList<>();

  @Option(names = "--publish", paramLabel = "TOPIC=TEXT", arity = "1..*",
      converter = PublishSpec.Converter.class,
      description = "Publish TEXT to TOPIC after --publish-delay (repeatable, in order).")
  List<PublishSpec> publish = new ArrayList<>();

  @Option(names = "--publish-delay", paramLabel = "MS", defaultValue = "1000",
      description = "Wait this long after the --dial actions before publishing, so the mesh can "
          + "form (default ${DEFAULT-VALUE}).")
  long publishDelayMs;

  @Option(names = "--load-publish", paramLabel = "TOPIC",
      description = "Load sender: --load-count messages at --load-rate per second.")
  String loadPublish;

  @Option(names = "--load-count", paramLabel = "N", description = "Messages to send (default 1000).")
  Integer loadCount;

  @Option(names = "--load-rate", paramLabel = "MSGS_PER_SEC",
      description = "Offered rate (default 100).")
  Double loadRate;

  @Option(names = "--load-size", paramLabel = "BYTES", converter = ByteSize.class,
      description = "Payload size, at least 16 (default 1024).")
  Long loadSize;

  @Option(names = "--load-warmup", paramLabel = "N",
      description = "First N flagged warm-up messages at the same rate (left out of load-summary),"
          + " then a 1 s pause (default 0).")
  Integer loadWarmup;

  @Option(names = "--load-receive", paramLabel = "TOPIC",
      description = "Load receiver: prints one load-summary at shutdown and one on each SIGHUP.")
  String loadReceive;

  @Option(names = "--gossip-d", paramLabel = "N",
      description = "Mesh degree D (D_lo, D_hi, D_score, D_out derived from it).")
  Integer gossipD;

  @Option(names = "--flood-publish", paramLabel = "true|false", arity = "1",
      description = "Flood our own messages to every topic peer (default true).")
  Boolean floodPublish;

  @Option(names = "--allow-publish-to-zero-peers",
      description = "A publish with nobody to send to succeeds (recipients 0).")
  boolean allowPublishToZeroPeers;

  @Option(names = "--msg-id", paramLabel = "pubkey-seqno|from-seqno",
      description = "Message-id function (default pubkey-seqno, the js default).")
  String msgId;

  @Option(names = "--gossip-stats",
      description = "Print gossip-stats (IHAVE/IWANT/GRAFT/PRUNE per peer) at shutdown.")
  boolean gossipStats;

  /** Whether any gossip option was given (pub/sub runs only then). */
  boolean enabled() {
    return !subscribe.isEmpty() || !publish.isEmpty() || loadPublish != null
        || loadReceive != null || gossipD != null || floodPublish != null
        || allowPublishToZeroPeers || msgId != null || gossipStats;
  }

  int loadCountOrDefault() {
    return loadCount != null ? loadCount : 1000;
  }

  double loadRateOrDefault() {
    return loadRate != null ? loadRate : 100;
  }

  int loadWarmupOrDefault() {
    return loadWarmup != null ? loadWarmup : 0;
  }

  int loadSizeOrDefault() {
    return loadSize != null ? loadSize.intValue() : 1024;
  }

  /** Checks what picocli cannot; a problem is a usage error (exit code 2). */
  void validate(CommandLine cli) {
    if (loadPublish == null && (loadCount != null || loadRate != null || loadSize != null
        || loadWarmup != null)) {
      throw new ParameterException(cli,
          "--load-count, --load-rate, --load-size and --load-warmup require --load-publish");
    }
    if (loadWarmup != null && loadWarmup < 0) {
      throw new ParameterException(cli, "--load-warmup: not a non-negative integer: " + loadWarmup);
    }
    if (loadCount != null && loadCount < 1) {
      throw new ParameterException(cli, "--load-count: not a positive integer: " + loadCount);
    }
    if (loadRate != null && !(loadRate > 0 && Double.isFinite(loadRate))) {
      throw new ParameterException(cli, "--load-rate: not a positive number: " + loadRate);
    }
    if (loadSize != null && (loadSize < LoadPayload.HEADER_BYTES || loadSize > Integer.MAX_VALUE)) {
      throw new ParameterException(cli, "--load-size: at least " + LoadPayload.HEADER_BYTES
          + " bytes (sequence number and send time): " + loadSize);
    }
    if (publishDelayMs < 0) {
      throw new ParameterException(cli, "--publish-delay: must not be negative: " + publishDelayMs);
    }
    if (gossipD != null && gossipD < 1) {
      throw new ParameterException(cli, "--gossip-d: not a positive integer: " + gossipD);
    }
    if (msgId != null && !MSG_ID_FUNCTIONS.contains(msgId)) {
      throw new ParameterException(cli, "--msg-id: expected one of "
          + String.join(", ", MSG_ID_FUNCTIONS) + ": " + msgId);
    }
    for (String topic : topics()) {
      if (topic.isEmpty()) {
        throw new ParameterException(cli, "topic must not be empty");
      }
    }
  }

  /** {@code base} with the settings options applied (StrictSign stays, as in the js peer). */
  GossipSettings settings(GossipSettings base) {
    GossipConfigBuilder config = base.config().toBuilder();
    if (gossipD != null) {
      MeshDegrees.of(gossipD).applyTo(config);
    }
    if (floodPublish != null) {
      config.floodPublish(floodPublish);
    }
    return new GossipSettings(config.build(), base.scoreParams(), base.thresholds(),
        base.signaturePolicy(), "from-seqno".equals(msgId) ? StandardMessageIdFunction.FROM_SEQNO
            : StandardMessageIdFunction.PUBLIC_KEY_SEQNO, base.directPeers(),
        allowPublishToZeroPeers, base.validationTimeout(), base.maxTopics(), base.floodsub(),
        base.metricsPrefix());
  }

  private List<String> topics() {
    List<String> all = new ArrayList<>(subscribe);
    publish.forEach(p -> all.add(p.topic()));
    if (loadPublish != null) {
      all.add(loadPublish);
    }
    if (loadReceive != null) {
      all.add(loadReceive);
    }
    return all;
  }
}
