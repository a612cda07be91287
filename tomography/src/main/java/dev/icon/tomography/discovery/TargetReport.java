package dev.icon.tomography.discovery;

import dev.icon.tomography.dns.ProviderRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xbill.DNS.Name;

/**
 * What discovery found on the path to one target.
 *
 * @param target the target as given
 * @param hops every hop in TTL order, with reverse names
 * @param domainsTried the candidate domains asked for providers, in path order
 * @param providers the providers found, in path order (nearest hop's domains first), each once
 * @param error why the path could not be traced, if it could not (then hops are empty)
 */
public record TargetReport(
    String target,
    List<DiscoveredHop> hops,
    List<Name> domainsTried,
    List<ProviderRecord> providers,
    Optional<String> error) {

  public TargetReport {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(error, "error");
    hops = List.copyOf(hops);
    domainsTried = List.copyOf(domainsTried);
    providers = List.copyOf(providers);
  }

  /** A report for a target whose path could not be traced. */
  static TargetReport failed(String target, String error) {
    return new TargetReport(target, List.of(), List.of(), List.of(), Optional.of(error));
  }
}
