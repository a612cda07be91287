package dev.icon.tomography.probe;

import dev.icon.tomography.map.IpPrefix;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which addresses the serving side of {@code /icon/probe/1.0.0} probes at all. Refused always:
 * the unspecified address, multicast, IPv4 broadcast and the reserved 240.0.0.0/4, and
 * 0.0.0.0/8; loopback and link-local unless {@link ProbeConfig} allows them. When {@link
 * ProbeConfig#allowedPrefixes()} is not empty or an allow predicate is given (for example the
 * addresses of the local topology map, {@link #knownIn}), a target must also be in one of the
 * prefixes or satisfy the predicate. Thread-safe if the predicate is.
 */
public final class TargetFilter {

  private static final IpPrefix THIS_NETWORK = IpPrefix.parse("0.0.0.0/8");
  private static final IpPrefix RESERVED = IpPrefix.parse("240.0.0.0/4");

  private final ProbeConfig config;
  private final Predicate<InetAddress> allowed;

  /** A filter with {@code config}'s rules and no allow predicate. */
  public TargetFilter(ProbeConfig config) {
    this(config, null);
  }

  /**
   * A filter with {@code config}'s rules; {@code allowed} (nullable) admits targets beyond {@link
   * ProbeConfig#allowedPrefixes()} and, when given, turns the allow-list on.
   */
  public TargetFilter(ProbeConfig config, Predicate<InetAddress> allowed) {
    this.config = Objects.requireNonNull(config, "config");
    this.allowed = allowed;
  }

  /** An allow predicate: addresses that are node ids in {@code map}. */
  public static Predicate<InetAddress> knownIn(dev.icon.tomography.map.TopologyMap map) {
    return a -> map.hasNode(a.getHostAddress());
  }

  /** Why {@code target} is not probed, or empty if it may be. */
  public Optional<String> refusal(InetAddress target) {
    if (target.isAnyLocalAddress()) {
      return Optional.of("the unspecified address is not a target");
    }
    if (target.isMulticastAddress()) {
      return Optional.of(target.getHostAddress() + " is multicast");
    }
    if (target instanceof Inet4Address
        && (RESERVED.contains(target) || THIS_NETWORK.contains(target))) {
      return Optional.of(target.getHostAddress() + " is broadcast or reserved");
    }
    if (target.isLoopbackAddress() && !config.allowLoopback()) {
      return Optional.of(target.getHostAddress() + " is loopback (not allowed here)");
    }
    if (target.isLinkLocalAddress() && !config.allowLinkLocal()) {
      return Optional.of(target.getHostAddress() + " is link-local (not allowed here)");
    }
    boolean restricted = !config.allowedPrefixes().isEmpty() || allowed != null;
    if (restricted && config.allowedPrefixes().stream().noneMatch(p -> p.contains(target))
        && (allowed == null || !allowed.test(target))) {
      return Optional.of(target.getHostAddress() + " is not in this peer's allow-list");
    }
    return Optional.empty();
  }
}
