package dev.icon.tomography.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.icon.proto.icon.probe.ProbeResult;
import dev.icon.proto.icon.probe.ProbeStatus;
import java.net.InetAddress;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ProbeMessages}: what comes off the wire is checked before it becomes an outcome. */
class ProbeMessagesTest {

  private static final InetAddress TARGET = address("198.51.100.7");

  private static InetAddress address(String s) {
    try {
      return InetAddress.getByName(s);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final ProbeResult GOOD = ProbeMessages.result(ProbeMessages.target(TARGET),
      ProbeOutcome.measured(new ProbeMeasurement(TARGET, 3, List.of(1.5, 2.0))));

  @Test
  void aMeasurementSurvivesTheWireToTheMicrosecond() {
    ProbeOutcome o = ProbeMessages.outcome(TARGET, GOOD);

    assertThat(o.status()).isEqualTo(ProbeStatus.OK);
    assertThat(o.measurement().get().samplesMillis()).containsExactly(1.5, 2.0);
    assertThat(o.measurement().get().sent()).isEqualTo(3);
    assertThat(GOOD.getMeanMicros()).isEqualTo(1750);
  }

  static Stream<Arguments> forged() {
    return Stream.of(
        Arguments.of((UnaryOperator<ProbeResult.Builder>) b -> b.setReceived(3), "2 samples"),
        Arguments.of((UnaryOperator<ProbeResult.Builder>) b -> b.setSent(1), "1 sent"),
        Arguments.of((UnaryOperator<ProbeResult.Builder>) b -> b.setStatus(ProbeStatus.NO_REPLY), "NO_REPLY"),
        Arguments.of((UnaryOperator<ProbeResult.Builder>) b -> b.setStatus(ProbeStatus.PROBE_STATUS_UNSPECIFIED), "no known status"),
        Arguments.of((UnaryOperator<ProbeResult.Builder>) b -> b.setStatusValue(99), "no known status"),
        Arguments.of((UnaryOperator<ProbeResult.Builder>) b -> b.setTarget(
            ProbeMessages.target(address("198.51.100.8"))), "where 198.51.100.7 was asked"),
        Arguments.of((UnaryOperator<ProbeResult.Builder>) b -> b.setTarget(
            ByteString.copyFrom(new byte[5])), "4 or 16 bytes"),
        Arguments.of((UnaryOperator<ProbeResult.Builder>) b -> b.setSamplesMicros(0, -1), "sample of"));
  }

  @ParameterizedTest
  @MethodSource("forged")
  void inconsistentResultsAreRejectedWithAReason(UnaryOperator<ProbeResult.Builder> forge,
      String why) {
    ProbeResult bad = forge.apply(GOOD.toBuilder()).build();

    assertThatThrownBy(() -> ProbeMessages.outcome(TARGET, bad))
        .isInstanceOf(ProbeException.class).hasMessageContaining(why);
  }

  @Test
  void aLongRefusalReasonIsCutShort() {
    ProbeResult refused = ProbeResult.newBuilder().setTarget(ProbeMessages.target(TARGET))
        .setStatus(ProbeStatus.REFUSED_PEER_RATE).setReason("x".repeat(10_000)).build();

    ProbeOutcome o = ProbeMessages.outcome(TARGET, refused);

    assertThat(o.status()).isEqualTo(ProbeStatus.REFUSED_PEER_RATE);
    assertThat(o.reason()).hasSize(300).endsWith("...");
    assertThat(o.measurement()).isEmpty();
  }
}
