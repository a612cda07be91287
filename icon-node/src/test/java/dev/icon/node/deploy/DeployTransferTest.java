package dev.icon.node.deploy;

import static dev.icon.node.deploy.Artifacts.random;
import static dev.icon.node.deploy.Artifacts.sha;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.icon.node.deploy.DeployEvent.Type;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole transfers between two real hosts on loopback: sizes, resume after a dropped connection. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DeployTransferTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {2 << 20, 50 << 20})
  void anImageArrivesByteForByteInOneAttempt(int size) throws Exception {
    try (DeployHosts hosts = new DeployHosts(dir, DeployConfig.defaults())) {
      Path image = dir.resolve("image.tar");
      Files.write(image, random(size, size));

      DeployReceipt receipt = hosts.sender.send(hosts.provider.peerId(), "agr-img",
          DeployKind.IMAGE, DeploySource.ofFile(image)).get(60, TimeUnit.SECONDS);

      Path stored = hosts.receiver.storedPath("agr-img", DeployKind.IMAGE);
      assertThat(Files.mismatch(image, stored)).isEqualTo(-1L);
      assertThat(receipt.size()).isEqualTo(size);
      assertThat(receipt.bytesSent()).isEqualTo(size);
      assertThat(receipt.attempts()).isEqualTo(1);
      assertThat(receipt.resumedFrom()).containsExactly(0L);
      assertThat(receipt.sha256()).isEqualTo(Sha256.hex(sha(Files.readAllBytes(image))));
      assertThat(hosts.received(Type.COMPLETED)).singleElement()
          .satisfies(e -> assertThat(e.detail()).isEqualTo(stored.toString()));
      assertThat(Files.list(hosts.staging)).isEmpty();
      assertThat(hosts.receiver.reserved()).isZero();
      int chunks = size / DeployConfig.defaults().chunkSize();
      assertThat(hosts.sent).filteredOn(e -> e.type() == Type.PROGRESS).hasSize(chunks)
          .last().satisfies(e -> assertThat(e.bytes()).isEqualTo(size));
      assertThat(hosts.received(Type.PROGRESS)).hasSize(chunks);
    }
  }

  @Test
  void sendingAStoredArtifactAgainCompletesWithoutSendingAByte() throws Exception {
    try (DeployHosts hosts = new DeployHosts(dir, DeployConfig.forTests())) {
      byte[] image = random(5, 100_000);
      DeploySource source = DeploySource.of(image.length, sha(image),
          () -> new ByteArrayInputStream(image));
      hosts.sender.send(hosts.provider.peerId(), "agr-twice", DeployKind.IMAGE, source)
          .get(30, TimeUnit.SECONDS);

      DeployReceipt again = hosts.sender.send(hosts.provider.peerId(), "agr-twice",
          DeployKind.IMAGE, source).get(30, TimeUnit.SECONDS);

      assertThat(again.bytesSent()).isZero();
      assertThat(again.attempts()).isEqualTo(1);
      assertThat(hosts.received(Type.COMPLETED)).hasSize(2);
      assertThat(Files.readAllBytes(hosts.receiver.storedPath("agr-twice", DeployKind.IMAGE)))
          .isEqualTo(image);
    }
  }

  @Test
  void concurrentTransfersOverOneConnectionEachArriveIntact() throws Exception {
    try (DeployHosts hosts = new DeployHosts(dir, DeployConfig.forTests())) {
      List<byte[]> artifacts = new java.util.ArrayList<>();
      List<java.util.concurrent.CompletableFuture<DeployReceipt>> sends =
          new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        byte[] a = random(100 + i, 300_000 + i * 1000);
        artifacts.add(a);
        sends.add(hosts.sender.send(hosts.provider.peerId(), "agr-c" + i,
            i % 2 == 0 ? DeployKind.IMAGE : DeployKind.STATE,
            DeploySource.of(a.length, sha(a), () -> new ByteArrayInputStream(a))));
      }

      for (int i = 0; i < 6; i++) {
        assertThat(sends.get(i).get(60, TimeUnit.SECONDS).attempts()).isEqualTo(1);
        DeployKind kind = i % 2 == 0 ? DeployKind.IMAGE : DeployKind.STATE;
        assertThat(Files.readAllBytes(hosts.receiver.storedPath("agr-c" + i, kind)))
            .isEqualTo(artifacts.get(i));
      }
      assertThat(hosts.receiver.reserved()).isZero();
      assertThat(hosts.client.connections(hosts.provider.peerId())).hasSize(1);
    }
  }

  @Test
  void aConnectionClosedByTheReceiverMidTransferResumesWithoutResendingVerifiedChunks()
      throws Exception {
    DeployConfig config = DeployConfig.forTests();
    int size = 4 << 20;
    long killAt = 1 << 20;
    try (DeployHosts hosts = new DeployHosts(dir, config)) {
      byte[] state = random(42, size);
      AtomicBoolean killed = new AtomicBoolean();
      hosts.receiver.addListener(e -> {
        if (e.type() == Type.PROGRESS && e.bytes() >= killAt && killed.compareAndSet(false, true)) {
          hosts.provider.disconnect(hosts.client.peerId());
        }
      });

      DeployReceipt receipt = hosts.sender.send(hosts.provider.peerId(), "agr-state",
          DeployKind.STATE, DeploySource.of(size, sha(state),
              () -> new ByteArrayInputStream(state))).get(60, TimeUnit.SECONDS);

      assertThat(killed).isTrue();
      assertThat(Files.readAllBytes(hosts.receiver.storedPath("agr-state", DeployKind.STATE)))
          .isEqualTo(state);
      assertThat(receipt.attempts()).isGreaterThanOrEqualTo(2);
      assertThat(receipt.resumedFrom()).hasSize(receipt.attempts()).startsWith(0L);
      long resumed = receipt.resumedFrom().get(1);
      assertThat(resumed).isGreaterThanOrEqualTo(killAt).isLessThan(size)
          .matches(v -> v % config.chunkSize() == 0, "a chunk boundary");
      // Every chunk was verified exactly once: progress never repeats an offset.
      List<Long> progress = hosts.received(Type.PROGRESS).stream().map(DeployEvent::bytes)
          .toList();
      assertThat(progress).doesNotHaveDuplicates().isSorted().hasSize(size / config.chunkSize());
      // The last attempt sent exactly the chunks the receiver did not hold: none verified before
      // was sent again. What the first lost was only what was in flight, unverified, at the drop.
      long lastResume = receipt.resumedFrom().get(receipt.attempts() - 1);
      long beforeLast = hosts.sent.stream().filter(e -> e.type() == Type.ATTEMPT)
          .reduce((a, b) -> b).orElseThrow().bytes();
      assertThat(receipt.bytesSent() - beforeLast).isEqualTo(size - lastResume);
      assertThat(receipt.bytesSent() - size).isBetween(0L, (long) size / 2);
      assertThat(hosts.received(Type.OFFERED)).extracting(DeployEvent::bytes)
          .containsExactlyElementsOf(receipt.resumedFrom());
      assertThat(Files.list(hosts.staging)).isEmpty();
    }
  }

  @Test
  void aProviderThatVanishesMidDeployFailsTheTransferAfterBoundedRetriesAndLeavesNothing()
      throws Exception {
    DeployConfig config = DeployConfig.forTests().toBuilder().maxAttempts(3).build();
    int size = 4 << 20;
    try (DeployHosts hosts = new DeployHosts(dir, config)) {
      byte[] image = random(7, size);
      hosts.receiver.addListener(e -> {
        if (e.type() == Type.PROGRESS && e.bytes() >= (1 << 20)) {
          hosts.receiver.stop();
          hosts.provider.stop();
        }
      });

      var future = hosts.sender.send(hosts.provider.peerId(), "agr-gone", DeployKind.IMAGE,
          DeploySource.of(size, sha(image), () -> new ByteArrayInputStream(image)));

      await().atMost(Duration.ofSeconds(60)).until(future::isDone);
      assertThat(future).failsWithin(Duration.ZERO).withThrowableThat()
          .havingCause().isInstanceOf(DeployException.class)
          .withMessageContaining("RETRIES_EXHAUSTED: 3 attempts");
      assertThat(hosts.sent).filteredOn(e -> e.type() == Type.RETRYING).hasSize(2);
      assertThat(Files.list(hosts.staging)).isEmpty();
      assertThat(Files.list(hosts.store)).isEmpty();
    }
  }

  @Test
  void anIdlePartialTransferExpiresOnTheJanitorsClockAndItsStreamEnds() throws IOException,
      InterruptedException {
    DeployConfig config = DeployConfig.forTests();
    try (DeployHosts hosts = new DeployHosts(dir, config);
        RawDeployClient raw = RawDeployClient.open(hosts, config)) {
      byte[] data = random(3, 5 * config.chunkSize());
      raw.offer("agr-idle", data.length, sha(data), config.chunkSize());
      assertThat(raw.next().getResume().getVerifiedBytes()).isZero();
      raw.chunk(data, 0, config.chunkSize(), null);
      await().until(() -> hosts.received(Type.PROGRESS).size() == 1);

      hosts.clock.advance(config.staleAfter().minusSeconds(1));
      assertThat(hosts.receiver.sweepStale()).isZero();
      hosts.clock.advance(Duration.ofSeconds(2));
      assertThat(hosts.receiver.sweepStale()).isEqualTo(1);

      assertThat(hosts.received(Type.EXPIRED)).singleElement()
          .satisfies(e -> assertThat(e.error()).isEqualTo(DeployError.EXPIRED));
      assertThat(Files.list(hosts.staging)).isEmpty();
      assertThat(hosts.receiver.reserved()).isZero();
      await().until(() -> raw.stream().closeFuture().isDone());
    }
  }
}
