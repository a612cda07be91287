package dev.icon.tomography.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.icon.proto.icon.probe.ProbeMethod;
import dev.icon.proto.icon.probe.ProbeRequest;
import dev.icon.proto.icon.probe.ProbeResponse;
import dev.icon.proto.icon.probe.ProbeResult;
import dev.icon.proto.icon.probe.ProbeStatus;
import dev.icon.testing.MutableClock;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ProbeService#serve}: the limits, without a host. */
class ProbeServiceTest {

  private final MutableClock clock = new MutableClock();
  private final FakeProber prober = new FakeProber(12.5);

  private ProbeService service(ProbeConfig config) {
    return new ProbeService(config, Map.of(ProbeMethod.ICMP_ECHO, prober),
        new TargetFilter(config), clock);
  }

  private static ByteString ip(String s) throws Exception {
    return ProbeMessages.target(InetAddress.getByName(s));
  }

  private static ProbeRequest request(int count, ByteString... targets) {
    return ProbeRequest.newBuilder().setRequestId(9).setMethod(ProbeMethod.ICMP_ECHO)
        .setCount(count).addAllTargets(List.of(targets)).build();
  }

  private static List<ProbeStatus> statuses(ProbeResponse r) {
    return r.getResultsList().stream().map(ProbeResult::getStatus).toList();
  }

  @Test
  void measuresAdmittedTargetsAndAnswersInOrder() throws Exception {
    ProbeResponse r = service(ProbeConfig.defaults())
        .serve("A", request(0, ip("198.51.100.7"), ip("224.0.0.1"), ip("2001:db8::9"))).join();

    assertThat(r.getRequestId()).isEqualTo(9);
    assertThat(statuses(r)).containsExactly(ProbeStatus.OK, ProbeStatus.REFUSED_TARGET,
        ProbeStatus.OK);
    assertThat(r.getResults(0).getSent()).as("the default count").isEqualTo(3);
    assertThat(r.getResults(0).getMeanMicros()).isEqualTo(12_500);
    assertThat(r.getResults(1).getReason()).contains("multicast");
    assertThat(prober.probed).hasSize(2);
  }

  @Test
  void tooManyTargetsRefusesTheWholeRequestAndProbesNothing() throws Exception {
    ProbeConfig config = ProbeConfig.builder().maxTargetsPerRequest(2).build();
    ProbeResponse r = service(config)
        .serve("A", request(1, ip("192.0.2.1"), ip("192.0.2.2"), ip("192.0.2.3"))).join();

    assertThat(r.getResultsList()).isEmpty();
    assertThat(r.getRefusal()).contains("3 targets; at most 2");
    assertThat(prober.probed).isEmpty();
  }

  @Test
  void malformedTargetsUnsupportedMethodsAndCountsAreRefusedPerTarget() throws Exception {
    ProbeService service = service(ProbeConfig.defaults());

    ProbeResponse bad = service.serve("A", request(1, ByteString.copyFrom(new byte[] {1, 2, 3}),
        ip("192.0.2.1"))).join();
    ProbeResponse tooMany = service.serve("A", request(11, ip("192.0.2.1"))).join();
    ProbeResponse tcp = service.serve("A", request(1, ip("192.0.2.1")).toBuilder()
        .setMethod(ProbeMethod.TCP_CONNECT).build()).join();

    assertThat(statuses(bad)).containsExactly(ProbeStatus.REFUSED_TARGET, ProbeStatus.OK);
    assertThat(bad.getResults(0).getReason()).contains("4 or 16 bytes");
    assertThat(statuses(tooMany)).containsExactly(ProbeStatus.REFUSED_UNSUPPORTED);
    assertThat(statuses(tcp)).containsExactly(ProbeStatus.REFUSED_UNSUPPORTED);
    assertThat(prober.probed).hasSize(1);
  }

  @Test
  void beyondTheConcurrencyBoundTargetsAreBusyUntilProbesFinish() throws Exception {
    prober.hold();
    ProbeService service = service(ProbeConfig.builder().maxConcurrentProbes(2).build());

    var first = service.serve("A", request(1, ip("192.0.2.1"), ip("192.0.2.2")));
    ProbeResponse busy = service.serve("B", request(1, ip("192.0.2.3"))).join();
    assertThat(statuses(busy)).containsExactly(ProbeStatus.REFUSED_BUSY);

    prober.answerAtOnce();
    prober.pending.forEach(f -> f.complete(new ProbeMeasurement(
        InetAddress.getLoopbackAddress(), 1, List.of())));
    assertThat(statuses(first.join())).hasSize(2);
    assertThat(statuses(service.serve("B", request(1, ip("192.0.2.3"))).join()))
        .as("slots are free again").containsExactly(ProbeStatus.OK);
  }

  @Test
  void aProbeThatNeverEndsIsFailedAfterTheProbeTimeoutAndFreesItsSlot() throws Exception {
    prober.hold();
    ProbeService service = service(ProbeConfig.builder().maxConcurrentProbes(1)
        .probeTimeout(Duration.ofMillis(100)).build());

    ProbeResponse r = service.serve("A", request(1, ip("192.0.2.1"))).join();

    assertThat(statuses(r)).containsExactly(ProbeStatus.FAILED);
    assertThat(r.getResults(0).getReason()).contains("no answer within");
    assertThat(prober.pending.get(0).isCancelled()).isTrue();
    assertThat(statuses(service.serve("A", request(1, ip("192.0.2.2"))).join()))
        .containsExactly(ProbeStatus.FAILED);
  }

  @Test
  void aFailingProbeIsFailedWithItsReason() throws Exception {
    Prober failing = new Prober() {
      @Override
      public java.util.concurrent.CompletableFuture<ProbeMeasurement> probe(InetAddress t, int c) {
        return java.util.concurrent.CompletableFuture.failedFuture(
            new ProbeException(ProbeError.PROCESS_FAILED, "connect: Network is unreachable"));
      }

      @Override
      public void close() {}
    };
    ProbeService service = new ProbeService(ProbeConfig.defaults(),
        Map.of(ProbeMethod.ICMP_ECHO, failing), new TargetFilter(ProbeConfig.defaults()), clock);

    ProbeResponse r = service.serve("A", request(1, ip("192.0.2.1"))).join();

    assertThat(statuses(r)).containsExactly(ProbeStatus.FAILED);
    assertThat(r.getResults(0).getReason()).contains("Network is unreachable");
  }

  @Test
  void oneAskerRunsOutOfBudgetAndGetsItBackWithTime() throws Exception {
    ProbeService service = service(ProbeConfig.builder().perPeerBurst(10).perPeerRate(1).build());

    assertThat(statuses(service.serve("A", request(10, ip("192.0.2.1"))).join()))
        .containsExactly(ProbeStatus.OK);
    assertThat(statuses(service.serve("A", request(1, ip("192.0.2.2"))).join()))
        .containsExactly(ProbeStatus.REFUSED_PEER_RATE);
    clock.advance(Duration.ofSeconds(3));
    assertThat(statuses(service.serve("A", request(3, ip("192.0.2.2"))).join()))
        .containsExactly(ProbeStatus.OK);
  }
}
