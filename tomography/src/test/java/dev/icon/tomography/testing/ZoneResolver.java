package dev.icon.tomography.testing;

import dev.icon.tomography.dns.DnsAnswer;
import dev.icon.tomography.dns.DnsResolver;
import dev.icon.tomography.dns.DnsStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * A {@link DnsResolver} answering from records added by the test, like an authoritative server:
 * NXDOMAIN for unknown names, NODATA for known names without the type, and any status forced per
 * name. Records every query. Thread-safe.
 */
public final class ZoneResolver implements DnsResolver {

  private final Map<Name, List<Record>> records = new HashMap<>();
  private final Map<Name, DnsStatus> forced = new HashMap<>();
  public final List<String> queries = new CopyOnWriteArrayList<>();

  /** Adds records given in zone-file syntax ({@code "name. 300 IN SRV 10 5 4001 host."}). */
  public synchronized ZoneResolver add(String... lines) {
    for (String line : lines) {
      try {
        Record r = parse(line);
        records.computeIfAbsent(r.getName().canonicalize(), n -> new ArrayList<>()).add(r);
      } catch (Exception e) {
        throw new IllegalArgumentException(line, e);
      }
    }
    return this;
  }

  /** Makes every query for {@code name} fail with {@code status}. */
  public synchronized ZoneResolver fail(String name, DnsStatus status) {
    try {
      forced.put(Name.fromString(name).canonicalize(), status);
    } catch (Exception e) {
      throw new IllegalArgumentException(name, e);
    }
    return this;
  }

  @Override
  public synchronized CompletableFuture<DnsAnswer> query(Name name, int type) {
    queries.add(name + " " + Type.string(type));
    Name key = name.canonicalize();
    DnsStatus f = forced.get(key);
    if (f != null) {
      return CompletableFuture.completedFuture(DnsAnswer.failed(f, "forced by the test"));
    }
    List<Record> at = records.get(key);
    if (at == null) {
      return CompletableFuture.completedFuture(
          new DnsAnswer(DnsStatus.NXDOMAIN, List.of(), Duration.ofSeconds(60), ""));
    }
    List<Record> ofType = at.stream().filter(r -> r.getType() == type).toList();
    if (ofType.isEmpty()) {
      return CompletableFuture.completedFuture(
          new DnsAnswer(DnsStatus.NODATA, List.of(), Duration.ofSeconds(60), ""));
    }
    return CompletableFuture.completedFuture(new DnsAnswer(DnsStatus.OK, ofType,
        Duration.ofSeconds(ofType.stream().mapToLong(Record::getTTL).min().orElse(0)), ""));
  }

  private static Record parse(String line) throws Exception {
    try (org.xbill.DNS.Master m = new org.xbill.DNS.Master(
        new java.io.ByteArrayInputStream(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        Name.root, 300)) {
      return m.nextRecord();
    }
  }
}
