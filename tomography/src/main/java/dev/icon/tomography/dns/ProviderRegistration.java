package dev.icon.tomography.dns;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;

/**
 * What a provider publishes under a domain: SRV at {@code <label>.<name>} pointing to {@code
 * target:port}, TXT at the same name ({@code icon-peer=}, {@code icon-addr=}), and optionally the
 * target's A/AAAA records.
 *
 * @param zone the zone updated (the name and target must lie inside it to add addresses)
 * @param name the domain the provider registers under (inside {@code zone})
 * @param label the service label ({@code _icon._tcp})
 * @param target the SRV target host
 * @param port the SRV port
 * @param priority the SRV priority
 * @param weight the SRV weight
 * @param ttl the records' TTL in seconds
 * @param peerId the provider's peer id
 * @param addrs the provider's multiaddrs (at least one)
 * @param targetAddresses A/AAAA records to set at {@code target} (may be empty)
 */
public record ProviderRegistration(
    Name zone,
    Name name,
    Name label,
    Name target,
    int port,
    int priority,
    int weight,
    long ttl,
    PeerId peerId,
    List<Multiaddr> addrs,
    List<InetAddress> targetAddresses) {

  public ProviderRegistration {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(peerId, "peerId");
    addrs = List.copyOf(addrs);
    targetAddresses = List.copyOf(targetAddresses);
    check(zone.isAbsolute() && name.isAbsolute() && target.isAbsolute(), "zone, name and target "
        + "must be absolute names");
    check(name.subdomain(zone), "name " + name + " is not inside zone " + zone);
    check(targetAddresses.isEmpty() || target.subdomain(zone),
        "target " + target + " is not inside zone " + zone + ", so its addresses cannot be set");
    check(port >= 1 && port <= 65535, "port must be 1..65535, was " + port);
    check(priority >= 0 && priority <= 65535, "priority must be 0..65535, was " + priority);
    check(weight >= 0 && weight <= 65535, "weight must be 0..65535, was " + weight);
    check(ttl >= 0 && ttl <= 604_800, "ttl must be 0..604800 seconds, was " + ttl);
    check(!addrs.isEmpty(), "at least one multiaddr is needed");
    for (Multiaddr a : addrs) {
      check(a.peerId().map(peerId::equals).orElse(true),
          "multiaddr " + a + " names another peer than " + peerId);
    }
  }

  /** Where SRV and TXT live: {@code <label>.<name>}. */
  public Name serviceName() {
    try {
      return Name.concatenate(label, name);
    } catch (NameTooLongException e) {
      throw new IllegalArgumentException("'" + label + "." + name + "' is too long", e);
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
