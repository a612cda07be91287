package dev.icon.node.daemon;

import dev.icon.node.config.NodeConfig;
import dev.icon.node.config.Role;
import dev.icon.node.yard.YardService;
import java.util.ArrayList;
import java.util.List;

/**
 * The services a config asks for, in start order: DHT bootstrap, topology sharing, probe service,
 * negotiation and the container yard (provider role), provider announcements and directory, DNS
 * registration (when configured; last, as it publishes the addresses the others made usable).
 */
public final class DefaultServices {

  private DefaultServices() {}

  /** The services for {@code config}. */
  public static List<NodeService> forConfig(NodeConfig config) {
    List<NodeService> s = new ArrayList<>();
    s.add(new BootstrapService());
    if (config.topologySharing()) {
      s.add(new TopologyService());
    }
    if (config.probe().enabled()) {
      s.add(new ProbeNodeService());
    }
    NegotiateService negotiate = null;
    if (config.has(Role.PROVIDER)) {
      negotiate = new NegotiateService();
      s.add(negotiate);
      s.add(YardService.forNode(negotiate.store()));
    }
    s.add(new ProvidersService(config.has(Role.PROVIDER)));
    config.dns().ifPresent(d -> s.add(new DnsRegistrationService(d)));
    return s;
  }
}
