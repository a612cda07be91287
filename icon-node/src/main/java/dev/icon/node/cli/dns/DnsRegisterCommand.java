package dev.icon.node.cli.dns;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.tomography.dns.DnsConfig;
import dev.icon.tomography.dns.ProviderRegistration;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import org.xbill.DNS.Address;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code icon dns register}: publishes SRV and TXT ({@code icon-peer=}, {@code icon-addr=}) at
 * {@code <label>.<name>}, replacing what was there, and optionally A/AAAA of the SRV target.
 *
 * <p>Exit codes: 0 applied, 1 the server refused or did not answer (reason on stderr), 2 bad usage.
 */
@Command(name = "register", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Register an edge provider: SRV and TXT at <label>.<name> (replacing).")
public final class DnsRegisterCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin UpdateOptions update;

  @Option(names = "--peer", paramLabel = "PEER_ID", required = true,
      description = "The provider's peer id (TXT icon-peer=).")
  String peer;

  @Option(names = "--addr", paramLabel = "MULTIADDR", required = true,
      description = "A multiaddr of the provider (TXT icon-addr=; repeatable).")
  List<String> addrs;

  @Option(names = "--port", paramLabel = "P", required = true, description = "The SRV port.")
  int port;

  @Option(names = "--target", paramLabel = "HOST",
      description = "The SRV target host (default: edge.<N>).")
  String target;

  @Option(names = "--target-address", paramLabel = "IP",
      description = "Set this A/AAAA record at the target (repeatable; target must be in --zone).")
  List<String> targetAddresses = new ArrayList<>();

  @Option(names = "--priority", paramLabel = "N", defaultValue = "10",
      description = "SRV priority (default: ${DEFAULT-VALUE}).")
  int priority;

  @Option(names = "--weight", paramLabel = "N", defaultValue = "10",
      description = "SRV weight (default: ${DEFAULT-VALUE}).")
  int weight;

  @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "300",
      description = "TTL of the records (default: ${DEFAULT-VALUE}).")
  long ttl;

  @Override
  public Integer call() {
    ProviderRegistration reg;
    try {
      List<Multiaddr> multiaddrs = addrs.stream().map(Multiaddr::parse).toList();
      List<InetAddress> ips = new ArrayList<>();
      for (String ip : targetAddresses) {
        ips.add(Address.getByAddress(ip));
      }
      String host = target != null ? target : "edge." + update.domainName();
      reg = new ProviderRegistration(update.zoneName(), update.domainName(),
          DnsConfig.parseLabel(update.label), UpdateOptions.absolute(host, "--target"), port,
          priority, weight, ttl, peerId(), multiaddrs, ips);
      var updater = update.updater();
      updater.register(reg).join();
    } catch (CompletionException e) {
      spec.commandLine().getErr().println("icon dns register: " + e.getCause().getMessage());
      return 1;
    } catch (RuntimeException | java.net.UnknownHostException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    spec.commandLine().getOut().println("registered " + reg.serviceName() + " SRV "
        + reg.priority() + " " + reg.weight() + " " + reg.port() + " " + reg.target());
    spec.commandLine().getOut().flush();
    return 0;
  }

  private PeerId peerId() {
    try {
      return PeerId.parse(peer);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--peer '" + peer + "': " + e.getMessage(), e);
    }
  }
}
