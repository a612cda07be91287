package dev.icon.node.daemon;

import dev.icon.node.config.DnsSettings;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.tomography.dns.DnsServers;
import dev.icon.tomography.dns.DnsUpdater;
import dev.icon.tomography.dns.ProviderRegistration;
import dev.icon.tomography.dns.TsigKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Name;

/**
 * Registers the node's SRV/TXT records ({@link DnsUpdater}) at start and removes them at stop.
 * A refused update fails the start (the operator configured DNS and should know it did not work).
 */
final class DnsRegistrationService implements NodeService {

  private final DnsSettings settings;
  private volatile DnsUpdater updater;
  private volatile ProviderRegistration registration;

  DnsRegistrationService(DnsSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "dns";
  }

  @Override
  public void start(NodeContext ctx) throws Exception {
    updater = new DnsUpdater(DnsServers.parse(settings.server()), TsigKeys.parse(settings.tsig()),
        settings.timeout());
    List<Multiaddr> addrs = ctx.host().dialAddrs();
    int port = settings.port() != 0 ? settings.port() : firstTcpPort(addrs);
    registration = new ProviderRegistration(Name.fromString(settings.zone()),
        Name.fromString(settings.name()), Name.fromString(settings.label()),
        Name.fromString(settings.target()), port, 10, 10, settings.ttl(), ctx.host().peerId(),
        addrs, List.of());
    updater.register(registration).get(settings.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    ctx.events().emit("dns-registered", Map.of("name", registration.serviceName().toString(),
        "port", port));
  }

  private static int firstTcpPort(List<Multiaddr> addrs) {
    for (Multiaddr a : addrs) {
      String[] parts = a.toString().split("/");
      for (int i = 0; i + 1 < parts.length; i++) {
        if (parts[i].equals("tcp")) {
          return Integer.parseInt(parts[i + 1]);
        }
      }
    }
    throw new IllegalStateException("dns.port: 0 needs a TCP listen address");
  }

  @Override
  public void stop() throws Exception {
    ProviderRegistration r = registration;
    if (r != null) {
      updater.unregister(r.zone(), r.serviceName()).get(settings.timeout().toMillis() * 2,
          TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> m = new LinkedHashMap<>();
    ProviderRegistration r = registration;
    m.put("registered", r != null);
    m.put("name", r == null ? settings.name() : r.serviceName().toString());
    m.put("server", settings.server());
    return m;
  }
}
