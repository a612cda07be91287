package dev.icon.tomography.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.tomography.testing.MutableClock;
import dev.icon.tomography.testing.ZoneResolver;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

class CachingDnsResolverTest {

  private final ZoneResolver zone = new ZoneResolver()
      .add("a.example. 30 IN A 192.0.2.1", "b.example. 7200 IN A 192.0.2.2");
  private final MutableClock clock = new MutableClock();
  private final DnsConfig config = DnsConfig.builder(List.of(new InetSocketAddress("::1", 53)))
      .negativeTtl(Duration.ofSeconds(10)).maxTtl(Duration.ofHours(1)).maxCacheEntries(3).build();
  private final CachingDnsResolver cache = new CachingDnsResolver(zone, config, clock);

  @Test
  void keepsAPositiveAnswerForItsTtl() throws Exception {
    ask("a.example.", Type.A);
    clock.advance(Duration.ofSeconds(29));
    ask("a.example.", Type.A);
    assertThat(zone.queries).hasSize(1);

    clock.advance(Duration.ofSeconds(1));
    ask("a.example.", Type.A);
    assertThat(zone.queries).hasSize(2);
  }

  @Test
  void capsLongTtlsAtMaxTtl() throws Exception {
    ask("b.example.", Type.A);
    clock.advance(Duration.ofHours(1));
    ask("b.example.", Type.A);

    assertThat(zone.queries).hasSize(2);
  }

  @Test
  void cachesNegativeAnswersForTheNegativeTtl() throws Exception {
    assertThat(ask("missing.example.", Type.SRV).status()).isEqualTo(DnsStatus.NXDOMAIN);
    assertThat(ask("a.example.", Type.TXT).status()).isEqualTo(DnsStatus.NODATA);
    clock.advance(Duration.ofSeconds(9));
    ask("missing.example.", Type.SRV);
    ask("a.example.", Type.TXT);
    assertThat(zone.queries).hasSize(2);

    clock.advance(Duration.ofSeconds(1));
    ask("missing.example.", Type.SRV);
    assertThat(zone.queries).hasSize(3);
  }

  @Test
  void neverCachesFailures() throws Exception {
    zone.fail("down.example.", DnsStatus.SERVFAIL);
    ask("down.example.", Type.A);
    ask("down.example.", Type.A);

    assertThat(zone.queries).hasSize(2);
  }

  @Test
  void namesDifferingOnlyInCaseShareAnEntry() throws Exception {
    ask("a.example.", Type.A);
    ask("A.EXAMPLE.", Type.A);

    assertThat(zone.queries).hasSize(1);
  }

  @Test
  void dropsTheOldestEntriesBeyondTheBound() throws Exception {
    for (String n : List.of("n1.example.", "n2.example.", "n3.example.", "n4.example.")) {
      ask(n, Type.A);
    }
    assertThat(cache.size()).isEqualTo(3);

    ask("n1.example.", Type.A);
    assertThat(zone.queries).hasSize(5);
  }

  private DnsAnswer ask(String name, int type) throws Exception {
    return cache.query(Name.fromString(name), type).get();
  }
}
