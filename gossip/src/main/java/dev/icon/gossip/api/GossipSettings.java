package dev.icon.gossip.api;

import dev.icon.gossip.router.GossipConfig;
import dev.icon.gossip.score.PeerScoreParams;
import dev.icon.gossip.score.PeerScoreThresholds;
import dev.icon.gossip.wire.MessageIdFunction;
import dev.icon.gossip.wire.SignaturePolicy;
import dev.icon.gossip.wire.StandardMessageIdFunction;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link PubSub} is built from. Immutable; {@link #defaults()} gives the documented
 * defaults and {@link GossipBuilder} changes them one at a time.
 *
 * @param config router parameters (default {@link GossipConfig#defaults()}: the spec's)
 * @param scoreParams peer scoring (default {@link PeerScoreParams#disabled()})
 * @param thresholds score thresholds (default {@link PeerScoreThresholds#disabled()})
 * @param signaturePolicy default {@link SignaturePolicy#STRICT_SIGN}
 * @param idFunction message ids; default {@link StandardMessageIdFunction#PUBLIC_KEY_SEQNO}, what
 *     js-libp2p uses, so ICON meshes and js meshes agree (the spec's {@code from || seqno} is
 *     {@link StandardMessageIdFunction#FROM_SEQNO}); every peer of a topic must use the same one
 * @param directPeers peers we always forward to and reconnect to (v1.1 explicit peers), with
 *     {@code /p2p/}; default none
 * @param allowPublishToZeroPeers when false (default) a publish reaching nobody fails with
 *     {@link GossipError#NO_PEERS}
 * @param validationTimeout an async validator slower than this counts as IGNORE (default 5 s)
 * @param maxTopics topics this node may subscribe to at once (default 1024)
 * @param floodsub whether {@code /floodsub/1.0.0} is offered and spoken (default true)
 * @param metricsPrefix prefix of the Micrometer meter names (default {@code icon.gossip})
 */
public record GossipSettings(GossipConfig config, PeerScoreParams scoreParams,
    PeerScoreThresholds thresholds, SignaturePolicy signaturePolicy, MessageIdFunction idFunction,
    List<Multiaddr> directPeers, boolean allowPublishToZeroPeers, Duration validationTimeout,
    int maxTopics, boolean floodsub, String metricsPrefix) {

  /** Rejects nulls and out-of-range values, naming the field. */
  public GossipSettings {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(scoreParams, "scoreParams");
    Objects.requireNonNull(thresholds, "thresholds");
    Objects.requireNonNull(signaturePolicy, "signaturePolicy");
    Objects.requireNonNull(idFunction, "idFunction");
    directPeers = List.copyOf(Objects.requireNonNull(directPeers, "directPeers"));
    for (Multiaddr a : directPeers) {
      if (a.peerId().isEmpty()) {
        throw new GossipException(GossipError.INVALID_CONFIG,
            "directPeers: address needs /p2p/<peer id>: " + a);
      }
    }
    Objects.requireNonNull(validationTimeout, "validationTimeout");
    if (validationTimeout.isNegative() || validationTimeout.isZero()) {
      throw new GossipException(GossipError.INVALID_CONFIG,
          "validationTimeout must be positive: " + validationTimeout);
    }
    if (maxTopics < 1) {
      throw new GossipException(GossipError.INVALID_CONFIG, "maxTopics must be >= 1: " + maxTopics);
    }
    Objects.requireNonNull(metricsPrefix, "metricsPrefix");
  }

  /** The documented defaults. */
  public static GossipSettings defaults() {
    return new GossipSettings(GossipConfig.defaults(), PeerScoreParams.disabled(),
        PeerScoreThresholds.disabled(), SignaturePolicy.STRICT_SIGN,
        StandardMessageIdFunction.PUBLIC_KEY_SEQNO, List.of(), false, Duration.ofSeconds(5), 1024,
        true, "icon.gossip");
  }
}
