package dev.icon.tomography.dns;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Record;

/**
 * The answer to one query: a status, the records of the asked type, and how long it may be cached.
 *
 * @param status what happened
 * @param records the answer records of the asked type (empty unless {@link DnsStatus#OK})
 * @param ttl how long the answer may be kept: the smallest record TTL, or for a negative answer
 *     the SOA's negative TTL (RFC 2308); {@link Duration#ZERO} when unknown or not cacheable
 * @param detail a human-readable note on failures ("" when none)
 */
public record DnsAnswer(DnsStatus status, List<Record> records, Duration ttl, String detail) {

  public DnsAnswer {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(detail, "detail");
    records = List.copyOf(records);
  }

  /** A failed answer that is not cached. */
  public static DnsAnswer failed(DnsStatus status, String detail) {
    return new DnsAnswer(status, List.of(), Duration.ZERO, detail);
  }

  /** The records of type {@code type} in this answer. */
  public <T extends Record> List<T> recordsOf(Class<T> type) {
    return records.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
