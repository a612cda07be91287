package dev.icon.node.yard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.market.negotiate.MemoryAgreementStore;
import dev.icon.market.negotiate.SignedAgreement;
import dev.icon.node.deploy.DeployKind;
import dev.icon.node.runtime.HealthCheck;
import dev.icon.node.runtime.RuntimeConfig;
import dev.icon.node.runtime.process.ProcessRuntime;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.resources.ResourceSpec;
import dev.icon.testing.CounterServiceImage;
import dev.icon.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The yard over the process runtime with the real counter service and real signed agreements. */
class YardTest {

  private static final ResourceSpec QUARTER = ResourceSpec.newBuilder().setCpuMillis(250)
      .setMemoryMib(64).build();
  private static final LaunchRequest COUNTER = new LaunchRequest("counter",
      CounterServiceImage.COMMAND, 8080, HealthCheck.http(CounterServiceImage.HEALTH_PATH), Map.of());

  @TempDir static Path shared;
  private static Path imageTar;
  @TempDir Path tmp;

  private final PrivateKey provider = YardAgreements.key(1);
  private final PrivateKey consumer = YardAgreements.key(2);
  private final Random random = new Random(7);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final MemoryAgreementStore store = new MemoryAgreementStore();
  private ProcessRuntime runtime;
  private Yard yard;

  @BeforeAll
  static void buildImage() throws Exception {
    imageTar = CounterServiceImage.build(shared.resolve("counter.tar"));
  }

  @BeforeEach
  void setUp() {
    runtime = new ProcessRuntime(RuntimeConfig.builder().processRoot(tmp.resolve("rt"))
        .stopTimeout(Duration.ofSeconds(2)).build());
    AgreementBook book = new AgreementBook(store, provider.publicKey().peerId(), clock, 8 << 20);
    yard = new Yard(runtime, book, new Capacity(600, 256, 4), tmp.resolve("store"), clock);
  }

  @AfterEach
  void tearDown() {
    yard.close();
    runtime.close();
  }

  /** An agreement of 2 x (250 millis, 64 MiB) for one hour from now, with its image received. */
  private SignedAgreement agreed(PrivateKey prov) throws Exception {
    SignedAgreement a = YardAgreements.conclude(consumer, prov, QUARTER, 2, clock.instant(),
        clock.instant().plus(Duration.ofHours(1)), store, random);
    Path image = yard.artifact(a.id().toString(), DeployKind.IMAGE);
    Files.createDirectories(image.getParent());
    Files.copy(imageTar, image);
    return a;
  }

  @Test
  void validAgreementRunsWithItsLimitsAndAnswersHealth() throws Exception {
    String id = agreed(provider).id().toString();
    YardWorkload w = yard.start(id, COUNTER);
    assertThat(w.limits().cpuMillis()).isEqualTo(500);
    assertThat(w.limits().memoryMiB()).isEqualTo(128);
    assertThat(w.workload().spec().limits()).isEqualTo(w.limits());
    assertThat(yard.health(id).orElseThrow().healthy()).isTrue();
    String addr = w.workload().endpoint().getHostString() + ":" + w.workload().endpoint().getPort();
    assertThat(CounterServiceImage.count(addr, false)).isEqualTo(1);
    assertThat(yard.capacity().freeCpuMillis()).isEqualTo(100);
    assertThat(yard.capacity().freeMemoryMiB()).isEqualTo(128);
    assertThatThrownBy(() -> yard.start(id, COUNTER)).isInstanceOfSatisfying(YardException.class,
        e -> assertThat(e.reason()).isEqualTo(YardRefusal.ALREADY_RUNNING));
    assertThat(runtime.workloads()).hasSize(1);
    assertThat(yard.unhealthy()).isEmpty();
    // The service dies behind the yard's back: the probe says so, the capacity stays held.
    runtime.stop(w.workload().id());
    assertThat(yard.unhealthy()).containsExactly(id);
    assertThat(yard.capacity().workloads()).isEqualTo(1);
  }

  @Test
  void receivedStateIsRestoredIntoTheNewWorkload() throws Exception {
    String first = agreed(provider).id().toString();
    YardWorkload w = yard.start(first, COUNTER);
    String addr = w.workload().endpoint().getHostString() + ":" + w.workload().endpoint().getPort();
    CounterServiceImage.count(addr, false);
    CounterServiceImage.count(addr, false);
    runtime.stop(w.workload().id());
    // The state as another place would receive it under the next agreement.
    String next = agreed(provider).id().toString();
    try (var out = Files.newOutputStream(yard.artifact(next, DeployKind.STATE))) {
      runtime.exportState(w.workload().id(), out);
    }
    assertThat(yard.stop(first)).isTrue();
    YardWorkload restored = yard.start(next, COUNTER);
    String addr2 = restored.workload().endpoint().getHostString() + ":"
        + restored.workload().endpoint().getPort();
    assertThat(CounterServiceImage.count(addr2, false)).isEqualTo(3);
  }

  @Test
  void noAgreementIsRefusedAndNothingRuns() {
    refused(() -> yard.start(YardAgreements.randomId(random).toString(), COUNTER),
        YardRefusal.NO_AGREEMENT);
    refused(() -> yard.start("not-hex", COUNTER), YardRefusal.NO_AGREEMENT);
    assertThat(runtime.workloads()).isEmpty();
    assertThat(yard.capacity().workloads()).isZero();
  }

  @Test
  void tamperedAgreementOtherProviderAndOutsideThePeriodAreRefused() throws Exception {
    SignedAgreement a = agreed(provider);
    // Another provider's agreement (signed correctly, but not ours).
    String theirs = agreed(YardAgreements.key(3)).id().toString();
    refused(() -> yard.start(theirs, COUNTER), YardRefusal.NOT_FOR_US);
    // A stored agreement whose consumer signature was flipped does not verify.
    var bad = a.message().toBuilder();
    byte[] sig = bad.getConsumerSignature().toByteArray();
    sig[0] ^= 1;
    MemoryAgreementStore other = new MemoryAgreementStore();
    other.saveIfAbsent(a.id(), bad.setConsumerSignature(com.google.protobuf.ByteString.copyFrom(sig))
        .build().toByteArray());
    Yard forgedYard = new Yard(runtime, new AgreementBook(other, provider.publicKey().peerId(), clock,
        1 << 20), new Capacity(1000, 1000, 1), tmp.resolve("store"), clock);
    refused(() -> forgedYard.start(a.id().toString(), COUNTER), YardRefusal.NO_AGREEMENT);
    clock.advance(Duration.ofHours(1));
    refused(() -> yard.start(a.id().toString(), COUNTER), YardRefusal.EXPIRED);
    assertThat(runtime.workloads()).isEmpty();
  }

  @Test
  void overCapacityIsRefusedAndTheFirstKeepsRunning() throws Exception {
    String first = agreed(provider).id().toString();
    String second = agreed(provider).id().toString();
    yard.start(first, COUNTER);
    refused(() -> yard.start(second, COUNTER), YardRefusal.OVER_CAPACITY);
    assertThat(runtime.workloads()).hasSize(1);
    assertThat(yard.capacity().workloads()).isEqualTo(1);
    assertThat(yard.health(first).orElseThrow().healthy()).isTrue();
    // Once the first is stopped on request, the second fits.
    assertThat(yard.stop(first)).isTrue();
    assertThat(yard.start(second, COUNTER).agreementId()).isEqualTo(second);
  }

  @Test
  void expiryStopsTheWorkloadAndReleasesCapacity() throws Exception {
    String id = agreed(provider).id().toString();
    yard.start(id, COUNTER);
    clock.advance(Duration.ofMinutes(59));
    assertThat(yard.expire()).isEmpty();
    assertThat(runtime.workloads()).hasSize(1);
    clock.advance(Duration.ofMinutes(1));
    assertThat(yard.expire()).containsExactly(id);
    assertThat(runtime.workloads()).isEmpty();
    assertThat(yard.workloads()).isEmpty();
    assertThat(yard.health(id)).isEmpty();
    assertThat(yard.capacity().freeCpuMillis()).isEqualTo(600);
    assertThat(yard.capacity().freeMemoryMiB()).isEqualTo(256);
    assertThat(yard.capacity().workloads()).isZero();
  }

  @Test
  void aFailingStartIsRolledBack() throws Exception {
    String id = agreed(provider).id().toString();
    LaunchRequest dies = new LaunchRequest("dies", List.of("/bin/sh", "-c", "exit 3"), 8080,
        HealthCheck.http("/health"), Map.of());
    refused(() -> yard.start(id, dies), YardRefusal.START_FAILED);
    assertThat(runtime.workloads()).isEmpty();
    assertThat(yard.capacity().freeCpuMillis()).isEqualTo(600);
    assertThat(yard.capacity().workloads()).isZero();
    // A bad image tar fails the import: rolled back too.
    String broken = agreed(provider).id().toString();
    Files.writeString(yard.artifact(broken, DeployKind.IMAGE), "not a tar");
    refused(() -> yard.start(broken, COUNTER), YardRefusal.START_FAILED);
    assertThat(yard.capacity().workloads()).isZero();
    // And the yard still starts a good one afterwards.
    assertThat(yard.start(id, COUNTER).agreementId()).isEqualTo(id);
  }

  @Test
  void missingImageIsRefusedBeforeAnyCapacityIsTaken() throws Exception {
    String id = agreed(provider).id().toString();
    Files.delete(yard.artifact(id, DeployKind.IMAGE));
    refused(() -> yard.start(id, COUNTER), YardRefusal.IMAGE_MISSING);
    assertThat(yard.capacity().workloads()).isZero();
  }

  @Test
  void admissionOnlyForTheConsumerUnderAValidAgreementWithinTheAllowance() throws Exception {
    SignedAgreement a = agreed(provider);
    String id = a.id().toString();
    var me = consumer.publicKey().peerId();
    AgreementBook book = yard.book();
    assertThat(book.check(me, id, DeployKind.IMAGE, 1000).admitted()).isTrue();
    assertThat(book.check(me, id, DeployKind.IMAGE, 1000).maxBytes()).isEqualTo(8 << 20);
    assertThat(book.check(me, id, DeployKind.IMAGE, (8 << 20) + 1).reason())
        .startsWith("OVER_CAPACITY");
    assertThat(book.check(YardAgreements.key(9).publicKey().peerId(), id, DeployKind.IMAGE, 1)
        .reason()).startsWith("NOT_FOR_US");
    assertThat(book.check(me, YardAgreements.randomId(random).toString(), DeployKind.STATE, 1)
        .reason()).startsWith("NO_AGREEMENT");
    clock.advance(Duration.ofHours(2));
    assertThat(book.check(me, id, DeployKind.IMAGE, 1).reason()).startsWith("EXPIRED");
  }

  @Test
  void concurrentStartsOfOneAgreementRunOneWorkloadAndAClosedYardStartsNothing() throws Exception {
    String id = agreed(provider).id().toString();
    var results = java.util.stream.IntStream.range(0, 3).mapToObj(i ->
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
          try {
            yard.start(id, COUNTER);
            return "started";
          } catch (YardException e) {
            return e.reason().name();
          }
        })).toList().stream().map(java.util.concurrent.CompletableFuture::join).toList();
    assertThat(results).containsOnlyOnce("started").containsOnly("started", "ALREADY_RUNNING");
    assertThat(runtime.workloads()).hasSize(1);
    assertThat(yard.capacity().workloads()).isEqualTo(1);
    yard.close();
    assertThat(runtime.workloads()).isEmpty();
    assertThat(yard.capacity().workloads()).isZero();
    refused(() -> yard.start(id, COUNTER), YardRefusal.START_FAILED);
  }

  private static void refused(Runnable call, YardRefusal reason) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(YardException.class,
        e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
  }
}
