package dev.icon.node.config;

import java.util.Locale;

/** What a node does besides joining the overlay. */
public enum Role {
  /** Sells capacity: serves negotiations, announces itself in the DHT and on gossip. */
  PROVIDER,
  /** Hosts ICONs (the runtime plugs in as a {@code NodeService}). */
  HOST,
  /** A well-known entry point others bootstrap from; must serve the DHT. */
  BOOTSTRAP;

  /** The name used in YAML: lower case. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
