package dev.icon.tomography.dns;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The DNS half of on-path discovery: the reverse name of a hop, and the providers registered under
 * a candidate domain: SRV records at {@code <label>.<domain>}, the TXT records at that same name
 * ({@code icon-peer=}, {@code icon-addr=}, shared by every SRV record there), and the A/AAAA
 * records of each SRV target.
 *
 * <p>Thread-safe; methods return at once. DNS failures never fail a future: they degrade to an
 * empty result (and a problem noted on the provider where one was found).
 */
public final class DnsDiscovery {

  private final DnsResolver resolver;
  private final DnsConfig config;

  /** Discovery asking {@code resolver} (usually a {@link CachingDnsResolver}). */
  public DnsDiscovery(DnsResolver resolver, DnsConfig config) {
    this.resolver = resolver;
    this.config = config;
  }

  /** The name {@code address} maps back to (its first PTR record), if any. */
  public CompletableFuture<Optional<Name>> reverseName(InetAddress address) {
    return resolver.query(ReverseMap.fromAddress(address), Type.PTR)
        .thenApply(a -> a.recordsOf(PTRRecord.class).stream().map(PTRRecord::getTarget)
            .findFirst());
  }

  /** The providers registered under {@code domain}. */
  public CompletableFuture<DomainLookup> providersAt(Name domain) {
    Name queryName;
    try {
      queryName = Name.concatenate(config.label(), domain);
    } catch (NameTooLongException e) {
      return CompletableFuture.completedFuture(
          new DomainLookup(domain, domain, DnsStatus.ERROR, List.of()));
    }
    return resolver.query(queryName, Type.SRV).thenCompose(srv -> {
      List<SRVRecord> records = srv.recordsOf(SRVRecord.class).stream()
          .filter(r -> !r.getTarget().equals(Name.root)) // "." means: no service here
          .sorted(Comparator.comparingInt(SRVRecord::getPriority)
              .thenComparing(Comparator.comparingInt(SRVRecord::getWeight).reversed()))
          .limit(config.maxProvidersPerDomain())
          .toList();
      if (records.isEmpty()) {
        return CompletableFuture.completedFuture(
            new DomainLookup(domain, queryName, srv.status(), List.of()));
      }
      return resolver.query(queryName, Type.TXT).thenCompose(txt -> {
        ProviderTxt parsed = ProviderTxt.parse(txt.recordsOf(TXTRecord.class).stream()
            .flatMap(r -> r.getStrings().stream()).toList(), config.maxAddrsPerProvider());
        List<String> txtProblems = new ArrayList<>(parsed.problems());
        if (!txt.status().isNegative() && txt.status() != DnsStatus.OK) {
          txtProblems.add("TXT lookup at " + queryName + ": " + txt.status() + " "
              + txt.detail());
        }
        List<CompletableFuture<ProviderRecord>> providers = records.stream()
            .map(r -> provider(domain, r, parsed, txtProblems)).toList();
        return CompletableFuture.allOf(providers.toArray(CompletableFuture[]::new))
            .thenApply(v -> new DomainLookup(domain, queryName, srv.status(),
                providers.stream().map(CompletableFuture::join).toList()));
      });
    });
  }

  private CompletableFuture<ProviderRecord> provider(
      Name domain, SRVRecord srv, ProviderTxt txt, List<String> txtProblems) {
    CompletableFuture<DnsAnswer> a = resolver.query(srv.getTarget(), Type.A);
    CompletableFuture<DnsAnswer> aaaa = resolver.query(srv.getTarget(), Type.AAAA);
    return a.thenCombine(aaaa, (four, six) -> {
      List<InetAddress> addresses = new ArrayList<>();
      four.recordsOf(ARecord.class).forEach(r -> addresses.add(r.getAddress()));
      six.recordsOf(AAAARecord.class).forEach(r -> addresses.add(r.getAddress()));
      List<String> problems = new ArrayList<>(txtProblems);
      if (addresses.isEmpty()) {
        problems.add("SRV target " + srv.getTarget() + " has no A/AAAA record ("
            + four.status() + "/" + six.status() + ")");
      }
      return new ProviderRecord(domain, srv.getTarget(), srv.getPort(), srv.getPriority(),
          srv.getWeight(), txt.peerId(), txt.addrs(), addresses, problems);
    });
  }
}
