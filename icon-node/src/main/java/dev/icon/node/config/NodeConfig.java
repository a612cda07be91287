package dev.icon.node.config;

import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@code icon node} runs from, read from YAML by {@link NodeConfigParser}. Defaults live
 * in {@link #defaults()} and the sections' {@code defaults()} factories only; the commented
 * reference file ({@link #referenceYaml()}, also in icon-node/README.md) is checked against them by
 * a test. Immutable and thread-safe.
 *
 * @param roles what the node does (provider, host, bootstrap)
 * @param dataDir where the node keeps files
 * @param keyFile the identity key (libp2p PrivateKey protobuf), created with mode 0600 if missing
 * @param listen libp2p listen addresses
 * @param bootstrap peers to join through (with /p2p/), multiaddrs or /dnsaddr/ names
 * @param dhtMode serve the DHT or only query it
 * @param gossip run gossipsub
 * @param topologySharing share the topology map on /icon/topology/1 (needs gossip)
 * @param probe the probe service
 * @param provider capacity and price (provider role)
 * @param dns SRV/TXT registration, if configured
 * @param admin the admin HTTP API
 */
public record NodeConfig(Set<Role> roles, Path dataDir, Path keyFile, List<Multiaddr> listen,
    List<Multiaddr> bootstrap, DhtMode dhtMode, boolean gossip, boolean topologySharing,
    ProbeSettings probe, ProviderSettings provider, Optional<DnsSettings> dns,
    AdminSettings admin) {

  /** The default data directory, relative to the working directory. */
  public static final String DEFAULT_DATA_DIR = "icon-data";
  /** The key file's name inside the data directory when {@code identity.key_file} is not set. */
  public static final String DEFAULT_KEY_FILE = "identity.key";

  public NodeConfig {
    roles = Set.copyOf(roles);
    listen = List.copyOf(listen);
    bootstrap = List.copyOf(bootstrap);
  }

  /**
   * Host role only, data in ./icon-data, key ./icon-data/identity.key, listening on
   * 127.0.0.1 (a free port), no bootstrap peers, DHT server, gossip and topology sharing on, the
   * probe, provider and admin sections' defaults, no DNS registration.
   */
  public static NodeConfig defaults() {
    Path data = Path.of(DEFAULT_DATA_DIR);
    return new NodeConfig(Set.of(Role.HOST), data, data.resolve(DEFAULT_KEY_FILE),
        List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")), List.of(), DhtMode.SERVER, true, true,
        ProbeSettings.defaults(), ProviderSettings.defaults(), Optional.empty(),
        AdminSettings.defaults());
  }

  /** Whether the node has {@code role}. */
  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** The commented reference configuration (every key with its default). */
  public static String referenceYaml() {
    try (var in = NodeConfig.class.getResourceAsStream("reference.yaml")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("reference.yaml missing from the class path", e);
    }
  }
}
