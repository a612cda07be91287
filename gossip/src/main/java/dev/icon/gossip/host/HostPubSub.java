package dev.icon.gossip.host;

import dev.icon.gossip.api.GossipSettings;
import dev.icon.gossip.api.PubSub;
import dev.icon.overlay.api.Host;
import io.micrometer.core.instrument.MeterRegistry;

/** The {@link PubSub} implementation on an overlay host. Placeholder until the binding lands. */
public final class HostPubSub {
  private HostPubSub() {}

  /** Starts pub/sub on {@code host}. */
  public static PubSub start(Host host, GossipSettings settings, MeterRegistry registry) {
    throw new UnsupportedOperationException("host binding not built yet");
  }
}
