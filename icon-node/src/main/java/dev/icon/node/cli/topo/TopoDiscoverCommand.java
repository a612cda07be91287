package dev.icon.node.cli.topo;

import dev.icon.tomography.discovery.PathDiscovery;
import dev.icon.tomography.discovery.TargetReport;
import dev.icon.tomography.dns.CachingDnsResolver;
import dev.icon.tomography.dns.DnsConfig;
import dev.icon.tomography.dns.DnsDiscovery;
import dev.icon.tomography.dns.DnsServers;
import dev.icon.tomography.dns.DnsjavaResolver;
import dev.icon.tomography.map.MapConfig;
import dev.icon.tomography.map.TopologyMap;
import dev.icon.tomography.map.TraceEdges;
import dev.icon.tomography.traceroute.ProcessTracerouteRunner;
import dev.icon.tomography.traceroute.TracerouteConfig;
import dev.icon.tomography.traceroute.TracerouteMode;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code icon topo discover}: traces the path to each target with the system traceroute, looks up
 * every hop's reverse name and the providers registered under the domains those names suggest
 * (SRV/TXT at {@code <label>.<domain>}), and prints one JSON document ({@link DiscoveryJson}).
 *
 * <p>Exit codes: 0 every target traced, 2 bad usage, 3 some target could not be traced (its entry
 * carries the error; the document is still printed).
 */
@Command(name = "discover", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Discover edge providers on the network paths to TARGETs.",
        "Runs 'traceroute -n', resolves hop names with the given DNS servers, tries every proper "
            + "suffix (2+ labels) of each name as a domain, and reads SRV and TXT "
            + "(icon-peer=, icon-addr=) records at <label>.<domain>. Prints one JSON document."})
public final class TopoDiscoverCommand implements Callable<Integer> {

  static final int EXIT_TRACE_FAILED = 3;

  @Spec CommandSpec spec;

  @Option(names = "--dns", paramLabel = "HOST:PORT", required = true,
      description = "DNS server to ask (IP:PORT, [IPv6]:PORT; repeatable, tried in order).")
  List<String> dns;

  @Option(names = "--label", paramLabel = "L", defaultValue = DnsConfig.DEFAULT_LABEL,
      description = "Service label queried under each domain (default: ${DEFAULT-VALUE}).")
  String label;

  @Option(names = "--max-hops", paramLabel = "N", defaultValue = "30",
      description = "Largest TTL probed (default: ${DEFAULT-VALUE}).")
  int maxHops;

  @Option(names = "--parallel", paramLabel = "N", defaultValue = "8",
      description = "Traceroutes run at once (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(names = "--probes", paramLabel = "N", defaultValue = "3",
      description = "Probes per hop (default: ${DEFAULT-VALUE}).")
  int probes;

  @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "2",
      description = "Wait per probe, seconds, fractions allowed (default: ${DEFAULT-VALUE}).")
  double waitSeconds;

  @Option(names = "--first-ttl", paramLabel = "N", defaultValue = "1",
      description = "First TTL probed (default: ${DEFAULT-VALUE}).")
  int firstTtl;

  @Option(names = "--icmp", description = "Probe with ICMP echo instead of UDP.")
  boolean icmp;

  @Option(names = "--traceroute", paramLabel = "PATH", defaultValue = "traceroute",
      description = "The traceroute executable (default: ${DEFAULT-VALUE} on the PATH).")
  String traceroute;

  @Option(names = "--dns-timeout", paramLabel = "MS", defaultValue = "2000",
      description = "Timeout of one DNS query to one server, ms (default: ${DEFAULT-VALUE}).")
  long dnsTimeoutMs;

  @Option(names = "--dns-retries", paramLabel = "N", defaultValue = "1",
      description = "Extra tries per server after a timeout (default: ${DEFAULT-VALUE}).")
  int dnsRetries;

  @Option(names = "--map-out", paramLabel = "FILE",
      description = "Also write the topology map of the traces to FILE (for 'topo show').")
  java.nio.file.Path mapOut;

  @Option(names = "--self", paramLabel = "ID", defaultValue = "self",
      description = "Map node id of this machine, where every trace starts (default: ${DEFAULT-VALUE}).")
  String self;

  @Parameters(paramLabel = "TARGET", arity = "1..*",
      description = "IP addresses or host names to trace.")
  List<String> targets;

  @Override
  public Integer call() {
    TracerouteConfig traceConfig;
    DnsConfig dnsConfig;
    try {
      List<InetSocketAddress> servers = dns.stream().map(DnsServers::parse).toList();
      dnsConfig = DnsConfig.builder(servers).label(DnsConfig.parseLabel(label))
          .timeout(Duration.ofMillis(dnsTimeoutMs)).retries(dnsRetries).build();
      traceConfig = TracerouteConfig.builder().binary(traceroute)
          .mode(icmp ? TracerouteMode.ICMP : TracerouteMode.UDP).maxHops(maxHops)
          .probesPerHop(probes).probeWait(Duration.ofMillis(Math.round(waitSeconds * 1000)))
          .firstTtl(firstTtl).parallelism(parallel).build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    try (var runner = new ProcessTracerouteRunner(traceConfig)) {
      DnsDiscovery dnsDiscovery = new DnsDiscovery(
          new CachingDnsResolver(new DnsjavaResolver(dnsConfig), dnsConfig, Clock.systemUTC()),
          dnsConfig);
      List<TargetReport> reports =
          new PathDiscovery(runner, dnsDiscovery).discoverAll(targets).join();
      if (mapOut != null) {
        writeMap(reports);
      }
      var out = spec.commandLine().getOut();
      out.println(DiscoveryJson.of(reports).toPrettyString());
      out.flush();
      return reports.stream().anyMatch(r -> r.error().isPresent()) ? EXIT_TRACE_FAILED : 0;
    }
  }

  private void writeMap(List<TargetReport> reports) {
    Clock clock = Clock.systemUTC();
    TopologyMap map = new TopologyMap(MapConfig.defaults(), clock);
    reports.forEach(r -> TraceEdges.record(map, r, self, "local", clock.instant()));
    try {
      java.nio.file.Files.writeString(mapOut, MapJson.write(map.snapshot()).toPrettyString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("could not write --map-out " + mapOut, e);
    }
  }
}
