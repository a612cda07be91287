package dev.icon.tomography.dns;

import java.time.Duration;
import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/** Reads a DNS reply into a {@link DnsAnswer}. Stateless. */
final class DnsAnswers {

  private DnsAnswers() {}

  /** The answer to a query for {@code type} that {@code reply} carries. */
  static DnsAnswer from(Message reply, int type) {
    int rcode = reply.getRcode();
    if (rcode == Rcode.NXDOMAIN) {
      return new DnsAnswer(DnsStatus.NXDOMAIN, List.of(), negativeTtl(reply), "");
    }
    if (rcode == Rcode.SERVFAIL) {
      return DnsAnswer.failed(DnsStatus.SERVFAIL, "server failure (SERVFAIL)");
    }
    if (rcode == Rcode.REFUSED) {
      return DnsAnswer.failed(DnsStatus.REFUSED, "query refused (REFUSED)");
    }
    if (rcode != Rcode.NOERROR) {
      return DnsAnswer.failed(DnsStatus.ERROR, "rcode " + Rcode.string(rcode));
    }
    List<Record> records = reply.getSection(Section.ANSWER).stream()
        .filter(r -> r.getType() == type).toList();
    if (records.isEmpty()) {
      return new DnsAnswer(DnsStatus.NODATA, List.of(), negativeTtl(reply), "");
    }
    long ttl = records.stream().mapToLong(Record::getTTL).min().orElse(0);
    return new DnsAnswer(DnsStatus.OK, records, Duration.ofSeconds(ttl), "");
  }

  /** RFC 2308: min(SOA TTL, SOA MINIMUM) of the authority section's SOA, or zero if none. */
  private static Duration negativeTtl(Message reply) {
    return reply.getSection(Section.AUTHORITY).stream()
        .filter(SOARecord.class::isInstance).map(SOARecord.class::cast)
        .map(soa -> Duration.ofSeconds(Math.min(soa.getTTL(), soa.getMinimum())))
        .findFirst().orElse(Duration.ZERO);
  }
}
