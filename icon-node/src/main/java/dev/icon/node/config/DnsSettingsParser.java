package dev.icon.node.config;

import dev.icon.tomography.dns.DnsServers;
import dev.icon.tomography.dns.TsigKeys;
import java.time.Duration;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/** Reads the {@code dns:} section; server, zone, tsig, name and target are required there. */
final class DnsSettingsParser {

  private DnsSettingsParser() {}

  static DnsSettings parse(ConfigNode n) {
    DnsSettings d = DnsSettings.defaults();
    String server = required(n, "server");
    String zone = required(n, "zone");
    String tsig = required(n, "tsig");
    String name = required(n, "name");
    String label = NodeConfigParser.nonEmpty(n, "label", d.label());
    String target = required(n, "target");
    int port = (int) n.integer("port", d.port(), 0, 65535);
    long ttl = n.integer("ttl", d.ttl(), 0, 604_800);
    long timeout = n.integer("timeout_ms", d.timeout().toMillis(), 1, 600_000);
    n.finish();
    check("dns.server", () -> DnsServers.parse(server));
    check("dns.tsig", () -> TsigKeys.parse(tsig));
    for (String[] kv : new String[][] {{"zone", zone}, {"name", name}, {"label", label},
        {"target", target}}) {
      try {
        Name.fromString(kv[1]);
      } catch (TextParseException e) {
        throw new ConfigException("dns." + kv[0], "bad DNS name '" + kv[1] + "'");
      }
    }
    return new DnsSettings(server, zone, tsig, name, label, target, port, ttl,
        Duration.ofMillis(timeout));
  }

  private static String required(ConfigNode n, String key) {
    String v = n.string(key, "");
    if (v.isBlank()) {
      throw new ConfigException(n.key(key), "required when dns is configured");
    }
    return v;
  }

  private static void check(String key, Runnable parse) {
    try {
      parse.run();
    } catch (RuntimeException e) {
      // The TSIG parser's message may quote the secret: say what is wrong, not the value.
      throw new ConfigException(key, key.equals("dns.tsig")
          ? "must be NAME:ALGORITHM:BASE64SECRET" : e.getMessage());
    }
  }
}
