package dev.icon.gossip.api;

import dev.icon.gossip.host.HostPubSub;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.gossip.score.PeerScoreParams;
import dev.icon.gossip.score.PeerScoreThresholds;
import dev.icon.gossip.wire.MessageIdFunction;
import dev.icon.gossip.wire.SignaturePolicy;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link PubSub} on a started overlay {@link Host}: {@code
 * GossipBuilder.on(host).identity(key).meterRegistry(registry).build()}, where {@code key} is the
 * host's identity key (messages are signed with it; the host does not expose it). Starts from
 * {@link GossipSettings#defaults()}; not thread-safe (build on one thread).
 */
public final class GossipBuilder {
  private final Host host;
  private GossipSettings s = GossipSettings.defaults();
  private MeterRegistry registry = new SimpleMeterRegistry();
  private PrivateKey identity;

  private GossipBuilder(Host host) {
    this.host = Objects.requireNonNull(host, "host");
  }

  /** A builder for pub/sub on {@code host}. */
  public static GossipBuilder on(Host host) {
    return new GossipBuilder(host);
  }

  /** Replaces all settings at once. */
  public GossipBuilder settings(GossipSettings settings) {
    this.s = Objects.requireNonNull(settings, "settings");
    return this;
  }

  /** Router parameters. */
  public GossipBuilder config(GossipConfig config) {
    return settings(new GossipSettings(config, s.scoreParams(), s.thresholds(), s.signaturePolicy(),
        s.idFunction(), s.directPeers(), s.allowPublishToZeroPeers(), s.validationTimeout(),
        s.maxTopics(), s.floodsub(), s.metricsPrefix()));
  }

  /** Turns peer scoring on with these parameters and thresholds. */
  public GossipBuilder scoring(PeerScoreParams params, PeerScoreThresholds thresholds) {
    return settings(new GossipSettings(s.config(), params, thresholds, s.signaturePolicy(),
        s.idFunction(), s.directPeers(), s.allowPublishToZeroPeers(), s.validationTimeout(),
        s.maxTopics(), s.floodsub(), s.metricsPrefix()));
  }

  /** StrictSign (default) or StrictNoSign; every peer of a topic must use the same. */
  public GossipBuilder signaturePolicy(SignaturePolicy policy) {
    return settings(new GossipSettings(s.config(), s.scoreParams(), s.thresholds(), policy,
        s.idFunction(), s.directPeers(), s.allowPublishToZeroPeers(), s.validationTimeout(),
        s.maxTopics(), s.floodsub(), s.metricsPrefix()));
  }

  /** The message-id function; every peer of a topic must use the same. */
  public GossipBuilder messageIdFunction(MessageIdFunction idFunction) {
    return settings(new GossipSettings(s.config(), s.scoreParams(), s.thresholds(),
        s.signaturePolicy(), idFunction, s.directPeers(), s.allowPublishToZeroPeers(),
        s.validationTimeout(), s.maxTopics(), s.floodsub(), s.metricsPrefix()));
  }

  /** Direct (explicit) peers, each with {@code /p2p/}. */
  public GossipBuilder directPeers(List<Multiaddr> peers) {
    return settings(new GossipSettings(s.config(), s.scoreParams(), s.thresholds(),
        s.signaturePolicy(), s.idFunction(), peers, s.allowPublishToZeroPeers(),
        s.validationTimeout(), s.maxTopics(), s.floodsub(), s.metricsPrefix()));
  }

  /** Whether a publish that reaches no peer succeeds (with 0 recipients) instead of failing. */
  public GossipBuilder allowPublishToZeroPeers(boolean allow) {
    return settings(new GossipSettings(s.config(), s.scoreParams(), s.thresholds(),
        s.signaturePolicy(), s.idFunction(), s.directPeers(), allow, s.validationTimeout(),
        s.maxTopics(), s.floodsub(), s.metricsPrefix()));
  }

  /** How long an async validator may take before its message counts as IGNORE. */
  public GossipBuilder validationTimeout(Duration timeout) {
    return settings(new GossipSettings(s.config(), s.scoreParams(), s.thresholds(),
        s.signaturePolicy(), s.idFunction(), s.directPeers(), s.allowPublishToZeroPeers(), timeout,
        s.maxTopics(), s.floodsub(), s.metricsPrefix()));
  }

  /** The registry the gossip meters register in (default: a private {@link SimpleMeterRegistry}). */
  public GossipBuilder meterRegistry(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    return this;
  }

  /** The host's identity key (required): our messages are signed with it. */
  public GossipBuilder identity(PrivateKey key) {
    this.identity = Objects.requireNonNull(key, "key");
    return this;
  }

  /** The settings built so far. */
  public GossipSettings settings() {
    return s;
  }

  /**
   * Registers the pubsub protocols on the host, attaches to its connections and starts the
   * heartbeat. The host must be started.
   *
   * @throws GossipException {@link GossipError#INVALID_CONFIG} without {@link #identity} or when
   *     the key is not the host's
   */
  public PubSub build() {
    if (identity == null) {
      throw new GossipException(GossipError.INVALID_CONFIG,
          "identity: call identity(key) with the host's private key");
    }
    return HostPubSub.start(host, identity, s, registry);
  }
}
