package dev.icon.tomography.dns;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xbill.DNS.Name;

/**
 * One provider found under a domain: its SRV record, what its TXT records say, and the addresses
 * of its SRV target.
 *
 * @param domain the candidate domain it was found under
 * @param srvTarget the SRV record's target host
 * @param port the SRV port
 * @param priority the SRV priority (lower is preferred)
 * @param weight the SRV weight
 * @param peerId the provider's peer id from TXT, empty if missing or invalid
 * @param addrs the provider's multiaddrs from TXT
 * @param targetAddresses the A/AAAA addresses of {@code srvTarget}
 * @param problems why TXT values or lookups were dropped (empty when all was well)
 */
public record ProviderRecord(
    Name domain,
    Name srvTarget,
    int port,
    int priority,
    int weight,
    Optional<PeerId> peerId,
    List<Multiaddr> addrs,
    List<InetAddress> targetAddresses,
    List<String> problems) {

  public ProviderRecord {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(srvTarget, "srvTarget");
    Objects.requireNonNull(peerId, "peerId");
    addrs = List.copyOf(addrs);
    targetAddresses = List.copyOf(targetAddresses);
    problems = List.copyOf(problems);
  }
}
