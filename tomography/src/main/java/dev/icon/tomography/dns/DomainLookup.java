package dev.icon.tomography.dns;

import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Name;

/**
 * What one candidate domain yielded.
 *
 * @param domain the candidate domain
 * @param queryName the name asked for SRV and TXT ({@code <label>.<domain>})
 * @param status the SRV query's outcome ({@link DnsStatus#NXDOMAIN} for most domains: no providers)
 * @param providers the providers found, by SRV priority then weight (highest first)
 */
public record DomainLookup(
    Name domain, Name queryName, DnsStatus status, List<ProviderRecord> providers) {

  public DomainLookup {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(queryName, "queryName");
    Objects.requireNonNull(status, "status");
    providers = List.copyOf(providers);
  }
}
