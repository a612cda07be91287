package dev.icon.tomography.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class DnsAnswersTest {

  private static final Name NAME = Name.fromConstantString("e.example.");

  @Test
  void keepsOnlyRecordsOfTheAskedTypeWithTheSmallestTtl() throws Exception {
    Message m = reply(Rcode.NOERROR);
    m.addRecord(new CNAMERecord(NAME, DClass.IN, 30, Name.fromString("f.example.")),
        Section.ANSWER);
    m.addRecord(new ARecord(NAME, DClass.IN, 300, java.net.InetAddress.getByName("192.0.2.1")),
        Section.ANSWER);
    m.addRecord(new ARecord(NAME, DClass.IN, 120, java.net.InetAddress.getByName("192.0.2.2")),
        Section.ANSWER);

    DnsAnswer a = DnsAnswers.from(m, Type.A);

    assertThat(a.status()).isEqualTo(DnsStatus.OK);
    assertThat(a.records()).hasSize(2);
    assertThat(a.ttl()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void negativeAnswersTakeTheirTtlFromTheSoa() {
    Message m = reply(Rcode.NXDOMAIN);
    m.addRecord(new SOARecord(Name.fromConstantString("example."), DClass.IN, 600,
        Name.fromConstantString("ns.example."), Name.fromConstantString("admin.example."),
        1, 3600, 600, 86400, 45), Section.AUTHORITY);

    DnsAnswer a = DnsAnswers.from(m, Type.SRV);

    assertThat(a.status()).isEqualTo(DnsStatus.NXDOMAIN);
    assertThat(a.ttl()).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void noRecordsOfTheTypeIsNodata() {
    DnsAnswer a = DnsAnswers.from(reply(Rcode.NOERROR), Type.TXT);

    assertThat(a.status()).isEqualTo(DnsStatus.NODATA);
    assertThat(a.ttl()).isEqualTo(Duration.ZERO);
  }

  @ParameterizedTest
  @CsvSource({"2, SERVFAIL", "5, REFUSED", "4, ERROR", "1, ERROR"})
  void failuresCarryNoRecordsAndNoTtl(int rcode, DnsStatus status) {
    DnsAnswer a = DnsAnswers.from(reply(rcode), Type.A);

    assertThat(a.status()).isEqualTo(status);
    assertThat(a.ttl()).isZero();
    assertThat(a.detail()).isNotEmpty();
  }

  private static Message reply(int rcode) {
    Message m = Message.newQuery(Record.newRecord(NAME, Type.A, DClass.IN));
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setRcode(rcode);
    return m;
  }
}
