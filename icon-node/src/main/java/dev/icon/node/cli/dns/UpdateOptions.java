package dev.icon.node.cli.dns;

import dev.icon.tomography.dns.DnsConfig;
import dev.icon.tomography.dns.DnsServers;
import dev.icon.tomography.dns.DnsUpdater;
import dev.icon.tomography.dns.TsigKeys;
import java.time.Duration;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.TextParseException;
import picocli.CommandLine.Option;

/** The options {@code dns register} and {@code dns unregister} share. */
final class UpdateOptions {

  @Option(names = "--server", paramLabel = "HOST:PORT", required = true,
      description = "The primary server of the zone (IP:PORT).")
  String server;

  @Option(names = "--zone", paramLabel = "Z", required = true, description = "The zone updated.")
  String zone;

  @Option(names = "--tsig", paramLabel = "NAME:ALG:SECRET", required = true,
      description = "TSIG key signing the update (e.g. icon-update:hmac-sha256:BASE64).")
  String tsig;

  @Option(names = "--name", paramLabel = "N", required = true,
      description = "The domain the provider registers under (records at <label>.<N>).")
  String name;

  @Option(names = "--label", paramLabel = "L", defaultValue = DnsConfig.DEFAULT_LABEL,
      description = "Service label (default: ${DEFAULT-VALUE}).")
  String label;

  @Option(names = "--timeout", paramLabel = "MS", defaultValue = "5000",
      description = "How long to wait for the server, ms (default: ${DEFAULT-VALUE}).")
  long timeoutMs;

  DnsUpdater updater() {
    return new DnsUpdater(DnsServers.parse(server), TsigKeys.parse(tsig),
        Duration.ofMillis(timeoutMs));
  }

  Name zoneName() {
    return absolute(zone, "--zone");
  }

  Name domainName() {
    return absolute(name, "--name");
  }

  Name serviceName() {
    try {
      return Name.concatenate(DnsConfig.parseLabel(label), domainName());
    } catch (NameTooLongException e) {
      throw new IllegalArgumentException("--label and --name make a name over 255 bytes", e);
    }
  }

  static Name absolute(String text, String option) {
    try {
      return Name.fromString(text, Name.root);
    } catch (TextParseException e) {
      throw new IllegalArgumentException(option + " '" + text + "': " + e.getMessage(), e);
    }
  }
}
