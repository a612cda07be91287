package dev.icon.node.config;

/** Reads the {@code probe:} section; the limits are checked again by {@code ProbeConfig}. */
final class ProbeSettingsParser {

  private ProbeSettingsParser() {}

  static ProbeSettings parse(ConfigNode p, ProbeSettings d) {
    ProbeSettings s = new ProbeSettings(
        p.bool("enabled", d.enabled()),
        (int) p.integer("tcp_port", d.tcpPort(), 1, 65535),
        p.bool("icmp", d.icmp()),
        (int) p.integer("max_targets_per_request", d.maxTargetsPerRequest(), 1, 256),
        (int) p.integer("max_count", d.maxCount(), 1, 100),
        p.decimal("per_peer_rate", d.perPeerRate(), 1e-6, 1e6),
        p.decimal("global_rate", d.globalRate(), 1e-6, 1e6),
        p.decimal("per_target_rate", d.perTargetRate(), 1e-6, 1e6),
        (int) p.integer("max_concurrent_probes", d.maxConcurrentProbes(), 1, 1024),
        p.bool("allow_loopback", d.allowLoopback()));
    p.finish();
    try {
      s.toProbeConfig();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("probe", e.getMessage());
    }
    return s;
  }
}
