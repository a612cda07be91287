package dev.icon.tomography.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link PingParser} on outputs of iputils ping 20221126 recorded on loopback and inside network
 * namespaces ({@code src/test/resources/ping/recorded-*}), hand-written rarer forms and garbage.
 */
class PingParserTest {

  private final PingParser parser = new PingParser();

  static String resource(String name) throws IOException {
    try (InputStream in = PingParserTest.class.getResourceAsStream("/ping/" + name)) {
      if (in == null) {
        throw new IOException("no test resource /ping/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InetAddress ip(String s) throws IOException {
    return InetAddress.getByName(s);
  }

  @ParameterizedTest
  @CsvSource({
      "recorded-ok-v4.txt, 10.250.7.2, 4, 4, 0.048, 0.135",
      "recorded-ok-v6.txt, fd00:7::2, 3, 3, 0.058, 0.067",
      "recorded-one.txt, 10.250.7.2, 1, 1, 0.033, 0.033",
      "recorded-loopback.txt, 127.0.0.1, 3, 3, -1, -1",
      "recorded-partial-loss.txt, 10.250.7.2, 8, 3, 0.030, 0.033",
      "recorded-net-unreachable-icmp.txt, 10.251.0.9, 3, 0, -1, -1",
      "recorded-silent-loss.txt, 10.250.7.77, 3, 0, -1, -1",
      "recorded-host-unreachable.txt, 10.250.7.77, 5, 0, -1, -1",
  })
  void parsesRecordedOutputs(String file, String target, int sent, int received, double min,
      double max) throws IOException {
    ProbeMeasurement m = parser.parse(ip(target), resource(file));

    assertThat(m.target()).isEqualTo(ip(target));
    assertThat(m.sent()).isEqualTo(sent);
    assertThat(m.received()).isEqualTo(received);
    assertThat(m.stats().isPresent()).isEqualTo(received > 0);
    if (min >= 0) {
      assertThat(m.stats().get().minMillis()).isEqualTo(min);
      assertThat(m.stats().get().maxMillis()).isEqualTo(max);
    }
  }

  @Test
  void recordedSamplesComeInArrivalOrderWithTheirMean() throws IOException {
    ProbeMeasurement m = parser.parse(ip("10.250.7.2"), resource("recorded-ok-v4.txt"));

    assertThat(m.samplesMillis()).containsExactly(0.135, 0.048, 0.056, 0.048);
    assertThat(m.stats().get().meanMillis()).isCloseTo(0.07175, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void duplicatesAreIgnoredAndWholeMillisecondTimesRead() throws IOException {
    String out = """
        PING 192.0.2.9 (192.0.2.9) 56(84) bytes of data.
        64 bytes from 192.0.2.9: icmp_seq=1 ttl=57 time=123 ms
        64 bytes from 192.0.2.9: icmp_seq=1 ttl=57 time=125 ms (DUP!)
        64 bytes from 192.0.2.9: icmp_seq=2 ttl=57 time=12.5 ms

        --- 192.0.2.9 ping statistics ---
        2 packets transmitted, 2 received, +1 duplicates, 0% packet loss, time 1001ms
        rtt min/avg/max/mdev = 12.500/67.750/123.000/55.250 ms, pipe 2
        """;

    ProbeMeasurement m = parser.parse(ip("192.0.2.9"), out);

    assertThat(m.samplesMillis()).containsExactly(123.0, 12.5);
    assertThat(m.sent()).isEqualTo(2);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // a reply from another address than the target (a broadcast answered, say)
      "PING 192.0.2.9 (192.0.2.9) 56(84) bytes of data.\\n64 bytes from 192.0.2.10: icmp_seq=1 ttl=1 time=1 ms| line 2",
      // a header for another target
      "PING 192.0.2.8 (192.0.2.8) 56(84) bytes of data.| line 1",
      // no header
      "64 bytes from 192.0.2.9: icmp_seq=1 ttl=1 time=1 ms| line 1",
      // a line ping does not print
      "PING 192.0.2.9 (192.0.2.9) 56(84) bytes of data.\\nhello world| line 2",
      // no statistics (killed half-way)
      "PING 192.0.2.9 (192.0.2.9) 56(84) bytes of data.\\n64 bytes from 192.0.2.9: icmp_seq=1 ttl=1 time=1 ms| no statistics",
      // counts that disagree with the replies printed
      "PING 192.0.2.9 (192.0.2.9) 56(84) bytes of data.\\n--- 192.0.2.9 ping statistics ---\\n1 packets transmitted, 1 received, 0% packet loss, time 0ms| 1 received but printed 0",
      // more received than sent
      "PING 192.0.2.9 (192.0.2.9) 56(84) bytes of data.\\n64 bytes from 192.0.2.9: icmp_seq=1 ttl=1 time=1 ms\\n64 bytes from 192.0.2.9: icmp_seq=2 ttl=1 time=1 ms\\n--- 192.0.2.9 ping statistics ---\\n1 packets transmitted, 2 received, 0% packet loss| 2 received of 1",
      // a negative or non-numeric time
      "PING 192.0.2.9 (192.0.2.9) 56(84) bytes of data.\\n64 bytes from 192.0.2.9: icmp_seq=1 ttl=1 time=-1 ms| line 2",
      // statistics twice
      "PING 192.0.2.9 (192.0.2.9) 56(84) bytes of data.\\n--- 192.0.2.9 ping statistics ---\\n1 packets transmitted, 0 received, 100% packet loss\\n1 packets transmitted, 0 received, 100% packet loss| line 4",
      // empty output
      "| no statistics",
  })
  void rejectsOutputThatIsNotPingsWithTheLine(String output, String expected) {
    String text = output == null ? "" : output.replace("\\n", "\n");

    assertThatThrownBy(() -> parser.parse(ip("192.0.2.9"), text))
        .isInstanceOfSatisfying(ProbeException.class,
            e -> assertThat(e.error()).isEqualTo(ProbeError.UNPARSEABLE_OUTPUT))
        .hasMessageContaining(expected);
  }

  @RepeatedTest(200)
  void garbledRecordingsParseOrFailWithAReasonNeverAnythingElse(RepetitionInfo info)
      throws IOException {
    Random random = new Random(7919L * info.getCurrentRepetition());
    List<String> files = List.of("recorded-ok-v4.txt", "recorded-partial-loss.txt",
        "recorded-host-unreachable.txt", "recorded-net-unreachable-icmp.txt");
    String file = files.get(random.nextInt(files.size()));
    char[] text = resource(file).toCharArray();
    for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
      text[random.nextInt(text.length)] = (char) (32 + random.nextInt(95));
    }
    InetAddress target = ip(file.contains("unreach") ? (file.contains("host") ? "10.250.7.77"
        : "10.251.0.9") : "10.250.7.2");
    try {
      ProbeMeasurement m = parser.parse(target, new String(text));
      assertThat(m.received()).isLessThanOrEqualTo(m.sent());
    } catch (ProbeException e) {
      assertThat(e.error()).isEqualTo(ProbeError.UNPARSEABLE_OUTPUT);
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
