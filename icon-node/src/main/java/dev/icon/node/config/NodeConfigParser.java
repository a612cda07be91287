package dev.icon.node.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@link NodeConfig} from YAML. Missing keys take the defaults ({@link
 * NodeConfig#defaults()}); unknown keys, wrong types and bad values throw {@link ConfigException}
 * naming the key path. Stateless and thread-safe.
 */
public final class NodeConfigParser {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final long MAX_INT = Integer.MAX_VALUE;
  private static final long UNBOUNDED = Long.MAX_VALUE;

  private NodeConfigParser() {}

  /** Parses the file at {@code path}. */
  public static NodeConfig parse(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("(file)", "cannot read " + path + ": " + e.getMessage());
    }
    return parse(text);
  }

  /** Parses YAML text; an empty document is the defaults. */
  public static NodeConfig parse(String yaml) {
    return parse(yaml, new java.util.HashSet<>());
  }

  /** As {@link #parse(String)}, collecting every key path the parser read into {@code keys}. */
  static NodeConfig parse(String yaml, Set<String> keys) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new ConfigException("(syntax)", e.getOriginalMessage() + " at line "
          + e.getLocation().getLineNr());
    }
    if (root != null && root.isMissingNode()) {
      root = null;
    }
    ConfigNode top = new ConfigNode(root, "", keys);
    NodeConfig d = NodeConfig.defaults();
    Set<Role> roles = roles(top, d.roles());
    Path dataDir = Path.of(nonEmpty(top, "data_dir", d.dataDir().toString()));
    ConfigNode identity = top.section("identity");
    String keyText = identity.string("key_file", null);
    if (keyText != null && keyText.isBlank()) {
      throw new ConfigException("identity.key_file", "must not be empty");
    }
    Path keyFile = keyText != null ? Path.of(keyText)
        : dataDir.resolve(NodeConfig.DEFAULT_KEY_FILE);
    identity.finish();
    List<Multiaddr> listen = multiaddrs(top, "listen", d.listen());
    if (listen.isEmpty()) {
      throw new ConfigException("listen", "needs at least one address");
    }
    List<Multiaddr> bootstrap = multiaddrs(top, "bootstrap", d.bootstrap());
    ConfigNode dht = top.section("dht");
    DhtMode mode = dhtMode(dht, d.dhtMode());
    dht.finish();
    ConfigNode gossipNode = top.section("gossip");
    boolean gossip = gossipNode.bool("enabled", d.gossip());
    gossipNode.finish();
    ConfigNode topo = top.section("topology");
    boolean sharing = topo.bool("sharing", d.topologySharing());
    topo.finish();
    if (sharing && !gossip) {
      throw new ConfigException("topology.sharing", "needs gossip.enabled: true");
    }
    if (roles.contains(Role.BOOTSTRAP) && mode != DhtMode.SERVER) {
      throw new ConfigException("dht.mode", "a bootstrap node must be a DHT server");
    }
    ProbeSettings probe = ProbeSettingsParser.parse(top.section("probe"), d.probe());
    ProviderSettings provider = provider(top.section("provider"), d.provider());
    Optional<DnsSettings> dns = top.has("dns")
        ? Optional.of(DnsSettingsParser.parse(top.section("dns"))) : Optional.empty();
    if (!top.has("dns")) {
      top.section("dns").finish();
    }
    AdminSettings admin = AdminSettingsParser.parse(top.section("admin"), d.admin());
    top.finish();
    return new NodeConfig(roles, dataDir, keyFile, listen, bootstrap, mode, gossip, sharing, probe,
        provider, dns, admin);
  }

  static String nonEmpty(ConfigNode node, String name, String def) {
    String v = node.string(name, def);
    if (v.isBlank()) {
      throw new ConfigException(node.key(name), "must not be empty");
    }
    return v;
  }

  private static Set<Role> roles(ConfigNode top, Set<Role> def) {
    List<String> names = top.strings("roles", null);
    if (names == null) {
      return def;
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (int i = 0; i < names.size(); i++) {
      try {
        roles.add(Role.valueOf(names.get(i).toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("roles[" + i + "]", "unknown role '" + names.get(i)
            + "' (provider, host, bootstrap)");
      }
    }
    return roles;
  }

  private static List<Multiaddr> multiaddrs(ConfigNode top, String name, List<Multiaddr> def) {
    List<String> texts = top.strings(name, null);
    if (texts == null) {
      return def;
    }
    List<Multiaddr> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      try {
        out.add(Multiaddr.parse(texts.get(i)));
      } catch (RuntimeException e) {
        throw new ConfigException(name + "[" + i + "]", "bad multiaddr '" + texts.get(i) + "': "
            + e.getMessage());
      }
    }
    return out;
  }

  private static DhtMode dhtMode(ConfigNode dht, DhtMode def) {
    String v = dht.string("mode", def.name().toLowerCase(Locale.ROOT));
    return switch (v) {
      case "server" -> DhtMode.SERVER;
      case "client" -> DhtMode.CLIENT;
      default -> throw new ConfigException("dht.mode", "must be server or client, was '" + v + "'");
    };
  }

  private static ProviderSettings provider(ConfigNode p, ProviderSettings d) {
    ConfigNode capacity = p.section("capacity");
    long cpu = capacity.integer("cpu_millis", d.cpuMillis(), 1, UNBOUNDED);
    long mem = capacity.integer("memory_mib", d.memoryMib(), 1, UNBOUNDED);
    capacity.finish();
    long price = p.integer("price_micros_per_unit_hour", d.priceMicrosPerUnitHour(), 0, UNBOUNDED);
    long announce = p.integer("announce_interval_ms", d.announceInterval().toMillis(), 100,
        MAX_INT);
    p.finish();
    return new ProviderSettings(cpu, mem, price, Duration.ofMillis(announce));
  }
}
