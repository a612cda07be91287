package dev.icon.tomography.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * How DNS discovery asks and caches. Immutable; build with {@link #builder(List)}.
 *
 * @param servers the DNS servers asked, in order (each {@code host:port}, see {@link DnsServers})
 * @param timeout how long one query waits for one server
 * @param retries how many more times a query is sent to each server after a timeout
 * @param label the service label queried under each candidate domain ({@code _icon._tcp})
 * @param negativeTtl how long NXDOMAIN/NODATA answers are kept when the server names no SOA, and
 *     the most they are kept otherwise
 * @param maxTtl the longest any answer is kept, whatever its record TTL
 * @param maxCacheEntries the most answers kept; the oldest are dropped beyond it
 * @param maxProvidersPerDomain the most SRV records read for one domain
 * @param maxAddrsPerProvider the most {@code icon-addr} values read for one provider
 */
public record DnsConfig(
    List<InetSocketAddress> servers,
    Duration timeout,
    int retries,
    Name label,
    Duration negativeTtl,
    Duration maxTtl,
    int maxCacheEntries,
    int maxProvidersPerDomain,
    int maxAddrsPerProvider) {

  /** The default service label. */
  public static final String DEFAULT_LABEL = "_icon._tcp";

  public DnsConfig {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(negativeTtl, "negativeTtl");
    Objects.requireNonNull(maxTtl, "maxTtl");
    servers = List.copyOf(servers);
    check(!servers.isEmpty(), "servers", "must name at least one server");
    check(!timeout.isNegative() && !timeout.isZero(), "timeout", "must be positive");
    check(retries >= 0 && retries <= 10, "retries", "must be 0..10, was " + retries);
    check(!label.isAbsolute() && label.labels() >= 1, "label",
        "must be a relative name such as _icon._tcp, was " + label);
    check(!negativeTtl.isNegative(), "negativeTtl", "must not be negative");
    check(!maxTtl.isNegative(), "maxTtl", "must not be negative");
    check(maxCacheEntries >= 0, "maxCacheEntries", "must not be negative");
    check(maxProvidersPerDomain >= 1, "maxProvidersPerDomain", "must be at least 1");
    check(maxAddrsPerProvider >= 1, "maxAddrsPerProvider", "must be at least 1");
  }

  /** A builder with the defaults, asking {@code servers}. */
  public static Builder builder(List<InetSocketAddress> servers) {
    return new Builder(servers);
  }

  /** Parses a service label such as {@code _icon._tcp} (relative, no trailing dot). */
  public static Name parseLabel(String text) {
    try {
      Name n = Name.fromString(text);
      if (n.isAbsolute()) {
        throw new IllegalArgumentException("label '" + text + "' must not end with a dot");
      }
      return n;
    } catch (TextParseException e) {
      throw new IllegalArgumentException("label '" + text + "': " + e.getMessage(), e);
    }
  }

  private static void check(boolean ok, String field, String message) {
    if (!ok) {
      throw new IllegalArgumentException("DnsConfig." + field + " " + message);
    }
  }

  /** Builds a {@link DnsConfig}; not thread-safe. */
  public static final class Builder {
    private final List<InetSocketAddress> servers;
    // A DNS server that has not answered in 2 s is treated as lost for that try.
    private Duration timeout = Duration.ofSeconds(2);
    // One retry covers a single lost UDP datagram without tripling the wait.
    private int retries = 1;
    // The label ICON providers register under (issue 6).
    private Name label = parseLabel(DEFAULT_LABEL);
    // RFC 2308 suggests 1-3 hours; a minute lets new providers appear quickly.
    private Duration negativeTtl = Duration.ofSeconds(60);
    // An hour bounds how stale a provider list can be whatever the zone says.
    private Duration maxTtl = Duration.ofHours(1);
    // 10,000 answers are a few MB and cover hundreds of paths.
    private int maxCacheEntries = 10_000;
    // Far more than a real domain lists; bounds work on a hostile zone.
    private int maxProvidersPerDomain = 32;
    // A provider lists a handful of addresses; more is noise or abuse.
    private int maxAddrsPerProvider = 16;

    private Builder(List<InetSocketAddress> servers) {
      this.servers = servers;
    }

    public Builder timeout(Duration v) {
      timeout = v;
      return this;
    }

    public Builder retries(int v) {
      retries = v;
      return this;
    }

    public Builder label(Name v) {
      label = v;
      return this;
    }

    public Builder negativeTtl(Duration v) {
      negativeTtl = v;
      return this;
    }

    public Builder maxTtl(Duration v) {
      maxTtl = v;
      return this;
    }

    public Builder maxCacheEntries(int v) {
      maxCacheEntries = v;
      return this;
    }

    public Builder maxProvidersPerDomain(int v) {
      maxProvidersPerDomain = v;
      return this;
    }

    public Builder maxAddrsPerProvider(int v) {
      maxAddrsPerProvider = v;
      return this;
    }

    /** Checks the invariants and builds; the exception names the field at fault. */
    public DnsConfig build() {
      return new DnsConfig(servers, timeout, retries, label, negativeTtl, maxTtl,
          maxCacheEntries, maxProvidersPerDomain, maxAddrsPerProvider);
    }
  }
}
