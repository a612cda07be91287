package dev.icon.tomography.traceroute;

import java.util.List;

/** The probe method traceroute uses. */
public enum TracerouteMode {
  /** UDP datagrams to high ports (traceroute's default; works unprivileged). */
  UDP(List.of()),
  /** ICMP echo requests ({@code -I}; unprivileged only within {@code net.ipv4.ping_group_range}). */
  ICMP(List.of("-I"));

  private final List<String> flags;

  TracerouteMode(List<String> flags) {
    this.flags = flags;
  }

  /** The command-line flags selecting this mode. */
  public List<String> flags() {
    return flags;
  }
}
