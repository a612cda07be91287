package dev.icon.node.daemon;

import dev.icon.gossip.api.PubSub;
import dev.icon.node.config.NodeConfig;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PrivateKey;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What a {@link NodeService} gets from the node it runs in: the started host, its identity (for
 * signing; never to be reported), pub/sub when gossip is on, the metrics registry the admin API
 * exposes, the event sink, one shared scheduler thread for periodic work (tasks must not block
 * it long) and the clock.
 *
 * @param config the node's configuration
 * @param host the started libp2p host
 * @param identity the host's private key
 * @param pubsub gossipsub, when {@code gossip.enabled}
 * @param metrics where services register meters ({@code /metrics})
 * @param events the event sink
 * @param scheduler a shared single scheduler thread
 * @param clock wall-clock time
 */
public record NodeContext(NodeConfig config, Host host, PrivateKey identity,
    Optional<PubSub> pubsub, MeterRegistry metrics, NodeEvents events,
    ScheduledExecutorService scheduler, Clock clock) {

  @Override
  public String toString() {
    return "NodeContext[" + host.peerId() + "]";
  }
}
