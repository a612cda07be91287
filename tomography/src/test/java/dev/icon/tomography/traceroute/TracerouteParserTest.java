package dev.icon.tomography.traceroute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser on outputs of traceroute 2.1.2 recorded in network namespaces ({@code recorded-*})
 * and on hand-written outputs for forms that are hard to provoke locally ({@code handwritten-*}).
 */
class TracerouteParserTest {

  private final TracerouteParser parser = new TracerouteParser();

  /** Each hop rendered as "ttl:addr/addr" with '*' for a silent hop, joined by spaces. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "recorded-udp-ipv4.txt      | 10.3.0.2  | 30 | true  | 1:10.1.0.1 2:10.2.0.2 3:10.3.0.2",
      "recorded-icmp-ipv4.txt     | 10.3.0.2  | 30 | true  | 1:10.1.0.1 2:10.2.0.2 3:10.3.0.2",
      "recorded-udp-ipv6.txt      | fd00:3::2 | 30 | true  | 1:fd00:1::1 2:fd00:2::2 3:fd00:3::2",
      "recorded-first-ttl.txt     | 10.3.0.2  | 3  | true  | 2:10.2.0.2 3:10.3.0.2",
      "recorded-stars.txt         | 10.7.0.5  | 4  | false | 1:10.1.0.1 2:* 3:* 4:*",
      "recorded-host-unreachable.txt | 10.3.0.77 | 5 | false | 1:10.1.0.1 2:10.2.0.2 3:10.2.0.2",
      "recorded-net-unreachable.txt | 10.6.0.5 | 5  | false | 1:10.1.0.1 2:10.2.0.2",
      "recorded-prohibited.txt    | 10.8.0.5  | 5  | false | 1:10.1.0.1 2:10.2.0.2",
      "recorded-icmp-prohibited.txt | 10.8.0.5 | 5  | false | 1:10.1.0.1 2:10.2.0.2",
      "recorded-ipv6-unreachable.txt | fd00:9::5 | 5 | false | 1:fd00:1::1 2:fd00:2::2",
      "recorded-ipv6-prohibited.txt | fd00:8::5 | 5 | false | 1:fd00:1::1 2:fd00:2::2",
      "recorded-multiple-addresses.txt | 10.10.0.1 | 30 | true | 1:10.1.0.1 2:10.4.0.2/10.2.0.2 3:10.10.0.1",
      "handwritten-names.txt      | 192.0.2.80 | 30 | true | 1:10.1.0.1 2:198.51.100.1/198.51.100.2 3:192.0.2.80",
      "handwritten-marks.txt      | 192.0.2.9 | 8  | false | 1:10.1.0.1 2:10.2.0.2 3:10.3.0.1",
      "handwritten-annotations.txt | 2001:db8:3::2 | 30 | true | 1:2001:db8:1::1 2:2001:db8:2::2 3:2001:db8:3::2",
      "handwritten-three-digit-ttl.txt | 10.3.0.2 | 255 | true | 99:* 100:10.3.0.2",
  })
  void parsesEveryRecordedForm(String file, String target, int maxHops, boolean reached,
      String hops) throws Exception {
    TracerouteResult r = parser.parse(resource(file));

    assertThat(r.targetAddress()).isEqualTo(InetAddress.getByName(target));
    assertThat(r.maxHops()).isEqualTo(maxHops);
    assertThat(r.reachedTarget()).isEqualTo(reached);
    assertThat(render(r)).isEqualTo(normalize(hops));
  }

  @Test
  void readsEveryProbeTimeOfAHop() throws Exception {
    TracerouteResult r = parser.parse(resource("recorded-udp-ipv4.txt"));

    assertThat(r.hops().get(0).probes()).extracting(TracerouteProbe::rttMillis)
        .containsExactly(0.389, 0.011, 0.008);
    assertThat(r.hops().get(0).minRttMillis(InetAddress.getByName("10.1.0.1")))
        .hasValue(0.008);
  }

  @Test
  void attributesEachProbeToTheAddressPrintedBeforeIt() throws Exception {
    TracerouteHop hop = parser.parse(resource("recorded-multiple-addresses.txt")).hops().get(1);

    assertThat(hop.probes()).extracting(p -> p.address().getHostAddress())
        .containsExactly("10.4.0.2", "10.2.0.2", "10.2.0.2");
    assertThat(hop.minRttMillis(InetAddress.getByName("10.4.0.2"))).hasValue(0.922);
  }

  @Test
  void keepsStarsBetweenMarkedProbes() throws Exception {
    TracerouteHop hop = parser.parse(resource("recorded-prohibited.txt")).hops().get(1);

    assertThat(hop.probes()).extracting(TracerouteProbe::mark)
        .containsExactly(ProbeMark.ADMIN_PROHIBITED, ProbeMark.NONE, ProbeMark.NONE);
    assertThat(hop.probes()).extracting(TracerouteProbe::isAnswered)
        .containsExactly(true, false, false);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "recorded-host-unreachable.txt, 2, HOST_UNREACHABLE, !H",
      "recorded-net-unreachable.txt, 1, NETWORK_UNREACHABLE, !N",
      "recorded-ipv6-unreachable.txt, 1, NETWORK_UNREACHABLE, !N",
      "recorded-ipv6-prohibited.txt, 1, ADMIN_PROHIBITED, !X",
  })
  void readsTheMarkOfEveryProbe(String file, int hopIndex, ProbeMark mark, String text)
      throws Exception {
    TracerouteHop hop = parser.parse(resource(file)).hops().get(hopIndex);

    assertThat(hop.probes()).allSatisfy(p -> {
      assertThat(p.mark()).isEqualTo(mark);
      assertThat(p.markText()).isEqualTo(text);
    });
  }

  @Test
  void readsRareMarksIncludingMtuAndNumericCodes() throws Exception {
    TracerouteResult r = parser.parse(resource("handwritten-marks.txt"));

    assertThat(r.hops().get(1).probes()).extracting(TracerouteProbe::mark).containsExactly(
        ProbeMark.FRAGMENTATION_NEEDED, ProbeMark.PROTOCOL_UNREACHABLE,
        ProbeMark.SOURCE_ROUTE_FAILED);
    assertThat(r.hops().get(1).probes().get(0).markText()).isEqualTo("!F-1500");
    assertThat(r.hops().get(2).probes()).extracting(TracerouteProbe::mark).containsExactly(
        ProbeMark.OTHER, ProbeMark.HOST_PRECEDENCE_VIOLATION, ProbeMark.PRECEDENCE_CUTOFF);
    assertThat(r.hops().get(2).probes().get(0).markText()).isEqualTo("!<10>");
  }

  @Test
  void keepsNamesPrintedWithoutDashN() throws Exception {
    TracerouteHop hop = parser.parse(resource("handwritten-names.txt")).hops().get(1);

    assertThat(hop.probes()).extracting(TracerouteProbe::hostName)
        .containsExactly("r1.fra.isp-a.example", "r2.fra.isp-a.example", null);
  }

  @Test
  void pathAddressesLeaveOutTheTarget() throws Exception {
    TracerouteResult r = parser.parse(resource("recorded-udp-ipv4.txt"));

    assertThat(r.pathAddresses()).extracting(InetAddress::getHostAddress)
        .containsExactly("10.1.0.1", "10.2.0.2");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "   \n\n",
      "Cannot handle \"host\" cmdline arg `x' on position 1 (argc 2)\n",
      "traceroute to x (not-an-ip), 30 hops max, 60 byte packets\n",
      "traceroute to x (10.0.0.1), 30 hops max, 60 byte packets\n 1  10.0.0.1  zero ms\n",
      "traceroute to x (10.0.0.1), 30 hops max, 60 byte packets\n 1  0.5 ms\n",
      "traceroute to x (10.0.0.1), 30 hops max, 60 byte packets\n 1  !H\n",
      "traceroute to x (10.0.0.1), 30 hops max, 60 byte packets\n 1  * !H\n",
      "traceroute to x (10.0.0.1), 30 hops max, 60 byte packets\n 1  10.0.0.1  1 ms !H !N\n",
      "traceroute to x (10.0.0.1), 30 hops max, 60 byte packets\n 2  *\n 1  *\n",
      "traceroute to x (10.0.0.1), 30 hops max, 60 byte packets\n 0  *\n",
      "traceroute to x (10.0.0.1), 30 hops max, 60 byte packets\n 1\n",
      "traceroute to x (10.0.0.1), 30 hops max, 60 byte packets\nhello world\n",
      "traceroute to x (10.0.0.1), 30 hops max, 60 byte packets\n 1  gw (bogus)  1 ms\n",
  })
  void rejectsOutputItCannotRead(String output) {
    assertThatThrownBy(() -> parser.parse(output))
        .isInstanceOf(TracerouteException.class)
        .hasMessageStartingWith("UNPARSEABLE_OUTPUT: traceroute output")
        .extracting(e -> ((TracerouteException) e).error())
        .isEqualTo(TracerouteError.UNPARSEABLE_OUTPUT);
  }

  @Test
  void rejectsOutputOverTheSizeLimitWithoutParsingIt() {
    String huge = "x".repeat(TracerouteParser.MAX_OUTPUT_CHARS + 1);

    assertThatThrownBy(() -> parser.parse(huge)).hasMessageContaining("over the limit");
  }

  @Test
  void namesTheLineAtFault() {
    String output = "traceroute to x (10.0.0.1), 30 hops max, 60 byte packets\n"
        + " 1  10.0.0.1  1 ms\n 2  10.0.0.2  banana\n";

    assertThatThrownBy(() -> parser.parse(output)).hasMessageContaining("line 3")
        .hasMessageContaining("banana");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void garbledOutputOnlyEverFailsWithTracerouteException(long seed) throws Exception {
    String base = resource("recorded-multiple-addresses.txt") + resource("handwritten-marks.txt");
    Random random = new Random(seed);
    for (int i = 0; i < 300; i++) {
      StringBuilder s = new StringBuilder(base);
      for (int k = 0; k < 1 + random.nextInt(6); k++) {
        int at = random.nextInt(s.length());
        String piece = List.of("*", "!", " ", "\n", "ms", "(", ")", "9", ".", ":", "x")
            .get(random.nextInt(11));
        if (random.nextBoolean()) {
          s.insert(at, piece);
        } else {
          s.deleteCharAt(at);
        }
      }
      try {
        parser.parse(s.toString());
      } catch (TracerouteException expected) {
        assertThat(expected.error()).isEqualTo(TracerouteError.UNPARSEABLE_OUTPUT);
      }
    }
  }

  private static String render(TracerouteResult r) {
    return r.hops().stream()
        .map(h -> h.ttl() + ":" + (h.isSilent() ? "*" : h.addresses().stream()
            .map(InetAddress::getHostAddress)
            .collect(Collectors.joining("/"))))
        .collect(Collectors.joining(" "));
  }

  /** The expected hops with each address in Java's own text form (literals, never resolved). */
  private static String normalize(String hops) throws Exception {
    StringBuilder out = new StringBuilder();
    for (String hop : hops.split(" ")) {
      String[] parts = hop.split(":", 2);
      out.append(out.length() == 0 ? "" : " ").append(parts[0]).append(':');
      if (parts[1].equals("*")) {
        out.append('*');
        continue;
      }
      List<String> addrs = new java.util.ArrayList<>();
      for (String a : parts[1].split("/")) {
        addrs.add(InetAddress.getByName(a).getHostAddress());
      }
      out.append(String.join("/", addrs));
    }
    return out.toString();
  }

  static String resource(String name) throws IOException {
    try (InputStream in = TracerouteParserTest.class.getResourceAsStream("/traceroute/" + name)) {
      if (in == null) {
        throw new IOException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
