package dev.icon.tomography.discovery;

import dev.icon.tomography.dns.CandidateDomains;
import dev.icon.tomography.dns.DnsDiscovery;
import dev.icon.tomography.dns.DomainLookup;
import dev.icon.tomography.dns.ProviderRecord;
import dev.icon.tomography.traceroute.TracerouteHop;
import dev.icon.tomography.traceroute.TracerouteResult;
import dev.icon.tomography.traceroute.TracerouteRunner;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.xbill.DNS.Name;

/**
 * On-path discovery of edge providers: traceroute to a target, reverse-resolve every hop, derive
 * candidate domains from the names ({@link CandidateDomains}), and look up providers under each
 * ({@link DnsDiscovery}).
 *
 * <p>Thread-safe; returns at once. Parallelism of traces is the runner's; DNS queries of one target
 * run concurrently. A target whose trace fails yields a report with an error, never a failed
 * future.
 */
public final class PathDiscovery {

  private final TracerouteRunner runner;
  private final DnsDiscovery dns;

  /** Discovery tracing with {@code runner} and looking up with {@code dns}. */
  public PathDiscovery(TracerouteRunner runner, DnsDiscovery dns) {
    this.runner = runner;
    this.dns = dns;
  }

  /** Reports for every target, in the order given. */
  public CompletableFuture<List<TargetReport>> discoverAll(List<String> targets) {
    List<CompletableFuture<TargetReport>> all = targets.stream().map(this::discover).toList();
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
  }

  /** The report for one target. */
  public CompletableFuture<TargetReport> discover(String target) {
    return runner.trace(target)
        .thenCompose(result -> fromTrace(target, result))
        .exceptionally(e -> TargetReport.failed(target, message(e)));
  }

  private CompletableFuture<TargetReport> fromTrace(String target, TracerouteResult result) {
    Set<InetAddress> addresses = new LinkedHashSet<>();
    result.hops().forEach(h -> addresses.addAll(h.addresses()));
    Map<InetAddress, CompletableFuture<Optional<Name>>> names = new HashMap<>();
    for (InetAddress a : addresses) {
      names.put(a, dns.reverseName(a));
    }
    return CompletableFuture.allOf(names.values().toArray(CompletableFuture[]::new))
        .thenCompose(v -> {
          List<DiscoveredHop> hops = hops(result, names);
          Set<Name> domains = new LinkedHashSet<>();
          for (DiscoveredHop h : hops) {
            h.reverseName().ifPresent(n -> domains.addAll(CandidateDomains.of(n)));
          }
          List<CompletableFuture<DomainLookup>> lookups =
              domains.stream().map(dns::providersAt).toList();
          return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new))
              .thenApply(w -> new TargetReport(target, hops, List.copyOf(domains),
                  providers(lookups), Optional.empty()));
        });
  }

  private static List<DiscoveredHop> hops(
      TracerouteResult result, Map<InetAddress, CompletableFuture<Optional<Name>>> names) {
    List<DiscoveredHop> hops = new ArrayList<>();
    for (TracerouteHop h : result.hops()) {
      if (h.isSilent()) {
        hops.add(new DiscoveredHop(h.ttl(), null, Double.NaN, null));
        continue;
      }
      for (InetAddress a : h.addresses()) {
        hops.add(new DiscoveredHop(h.ttl(), a, h.minRttMillis(a).orElse(Double.NaN),
            names.get(a).join().orElse(null)));
      }
    }
    return hops;
  }

  private static List<ProviderRecord> providers(List<CompletableFuture<DomainLookup>> lookups) {
    List<ProviderRecord> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (CompletableFuture<DomainLookup> l : lookups) {
      for (ProviderRecord p : l.join().providers()) {
        if (seen.add(p.srvTarget() + ":" + p.port())) {
          out.add(p);
        }
      }
    }
    return out;
  }

  private static String message(Throwable e) {
    Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
