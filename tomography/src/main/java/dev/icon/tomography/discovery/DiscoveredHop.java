package dev.icon.tomography.discovery;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalDouble;
import org.xbill.DNS.Name;

/**
 * One address seen at one TTL (a hop answered by several addresses gives several entries), or a
 * silent TTL.
 *
 * @param ttl the TTL
 * @param ip the address that answered, or null for a TTL no probe of which was answered
 * @param rttMillis the smallest round-trip time of the address's probes, or NaN when silent
 * @param name the address's reverse name, or null when it has none (or is silent)
 */
public record DiscoveredHop(int ttl, InetAddress ip, double rttMillis, Name name) {

  /** The address, if one answered. */
  public Optional<InetAddress> address() {
    return Optional.ofNullable(ip);
  }

  /** The round-trip time, if one answered. */
  public OptionalDouble rtt() {
    return Double.isNaN(rttMillis) ? OptionalDouble.empty() : OptionalDouble.of(rttMillis);
  }

  /** The reverse name, if any. */
  public Optional<Name> reverseName() {
    return Optional.ofNullable(name);
  }
}
