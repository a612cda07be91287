package dev.icon.node.config;

import java.time.Duration;

/**
 * The optional {@code dns:} section: register this provider's SRV and TXT records by RFC 2136
 * update ({@code DnsUpdater}) when it starts, and remove them when it stops. Immutable; {@link
 * #toString()} never shows the TSIG secret.
 *
 * @param server the DNS server taking updates, {@code HOST[:PORT]}
 * @param zone the zone updated
 * @param tsig the TSIG key, {@code NAME:ALGORITHM:BASE64SECRET}
 * @param name the domain registered under (inside the zone)
 * @param label the service label
 * @param target the SRV target host name
 * @param port the SRV port; 0 takes the first TCP listen port
 * @param ttl the records' TTL, seconds
 * @param timeout how long one update may take
 */
public record DnsSettings(String server, String zone, String tsig, String name, String label,
    String target, int port, long ttl, Duration timeout) {

  /** Label {@code _icon._tcp}, port of the first TCP listener, TTL 300 s, 5 s per update. */
  public static DnsSettings defaults() {
    return new DnsSettings("", "", "", "", "_icon._tcp", "", 0, 300, Duration.ofSeconds(5));
  }

  @Override
  public String toString() {
    return "DnsSettings[server=" + server + ", zone=" + zone + ", name=" + name + ", label="
        + label + ", target=" + target + ", port=" + port + ", ttl=" + ttl + ", timeout="
        + timeout + ", tsig=(hidden)]";
  }
}
