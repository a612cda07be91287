package dev.icon.node.deploy;

import static dev.icon.node.deploy.Artifacts.random;
import static dev.icon.node.deploy.Artifacts.sha;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.icon.node.deploy.DeployEvent.Type;
import dev.icon.proto.icon.deploy.DeployMessage;
import dev.icon.proto.icon.deploy.Refusal;
import dev.icon.proto.icon.deploy.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Senders that lie or err, against a real receiver host: each is refused with a reason, nothing
 * stays on disk, no quota stays reserved, and the host keeps serving (a good transfer follows).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeployBadInputTest {

  private static final DeployConfig CONFIG = DeployConfig.forTests();
  private static final int CHUNK = CONFIG.chunkSize();

  @TempDir Path dir;
  private DeployHosts hosts;

  @BeforeEach
  void start() {
    hosts = new DeployHosts(dir, CONFIG);
  }

  @AfterEach
  void stillServingThenStop() throws Exception {
    byte[] good = random(99, 3 * CHUNK + 5);
    DeployReceipt r = hosts.sender.send(hosts.provider.peerId(), "agr-after", DeployKind.IMAGE,
        DeploySource.of(good.length, sha(good), () -> new ByteArrayInputStream(good)))
        .get(30, TimeUnit.SECONDS);
    assertThat(r.size()).isEqualTo(good.length);
    assertThat(hosts.provider.listenAddrs()).isNotEmpty();
    hosts.close();
  }

  private void assertNothingLeft() throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> hosts.receiver.partialTransfers() == 0);
    assertThat(hosts.receiver.reserved()).isZero();
    try (var staged = Files.list(hosts.staging); var stored = Files.list(hosts.store)) {
      assertThat(staged).isEmpty();
      assertThat(stored).isEmpty();
    }
  }

  private static void assertRefused(DeployMessage m, Refusal refusal, String reason) {
    Verdict v = m.getVerdict();
    assertThat(v.getAccepted()).isFalse();
    assertThat(v.getRefusal()).isEqualTo(refusal);
    assertThat(v.getReason()).contains(reason);
  }

  @Test
  void aWrongChunkHashIsRefusedAndThePartialDataDeleted() throws Exception {
    byte[] data = random(1, 4 * CHUNK);
    try (RawDeployClient raw = RawDeployClient.open(hosts, CONFIG)) {
      raw.offer("agr-1", data.length, sha(data), CHUNK);
      assertThat(raw.next().hasResume()).isTrue();
      raw.chunk(data, 0, CHUNK, null);
      raw.chunk(data, CHUNK, CHUNK, sha(new byte[] {1}));

      assertRefused(raw.next(), Refusal.CHUNK_HASH_MISMATCH,
          "chunk at offset 16384 does not match its sha256");
    }
    assertThat(hosts.received(Type.REFUSED)).singleElement()
        .satisfies(e -> assertThat(e.error()).isEqualTo(DeployError.CHUNK_HASH_MISMATCH));
    assertNothingLeft();
  }

  @Test
  void moreBytesThanAnnouncedAreRefused() throws Exception {
    byte[] data = random(2, 2 * CHUNK);
    try (RawDeployClient raw = RawDeployClient.open(hosts, CONFIG)) {
      raw.offer("agr-2", CHUNK + 100, sha(data), CHUNK);
      raw.next();
      raw.chunk(data, 0, CHUNK, null);
      raw.chunk(data, CHUNK, CHUNK, null);

      assertRefused(raw.next(), Refusal.BAD_CHUNK, "past the announced size of 16484 bytes");
    }
    assertNothingLeft();
  }

  @Test
  void aWrongWholeHashIsRefusedAtTheEndAndTheSenderDoesNotRetry() throws Exception {
    byte[] data = random(3, 3 * CHUNK);
    CompletableFuture<DeployReceipt> f = hosts.sender.send(hosts.provider.peerId(), "agr-3",
        DeployKind.STATE, DeploySource.of(data.length, sha(random(4, 10)),
            () -> new ByteArrayInputStream(data)));

    await().until(f::isDone);
    assertThat(f).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
        .isInstanceOf(DeployException.class)
        .withMessageStartingWith("TOTAL_HASH_MISMATCH: refused by")
        .withMessageContaining("not the offered");
    assertThat(hosts.sent).filteredOn(e -> e.type() == Type.ATTEMPT).hasSize(1);
    assertNothingLeft();
  }

  @Test
  void anUnknownAgreementIsRefusedWithTheAdmissionReason() throws Exception {
    byte[] data = random(5, 100);
    CompletableFuture<DeployReceipt> f = hosts.sender.send(hosts.provider.peerId(), "forged",
        DeployKind.IMAGE, DeploySource.of(data.length, sha(data),
            () -> new ByteArrayInputStream(data)));

    await().until(f::isDone);
    assertThat(f).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
        .isInstanceOf(DeployException.class)
        .withMessageContaining("UNKNOWN_AGREEMENT")
        .withMessageContaining("agreement forged not admitted: no agreement forged");
    assertNothingLeft();
  }

  @Test
  void moreThanTheAgreementAllowsIsRefusedBeforeAnyByteIsStored() throws Exception {
    try (RawDeployClient raw = RawDeployClient.open(hosts, CONFIG)) {
      raw.offer("agr-big", DeployHosts.AGREEMENT_BYTES + 1, sha(new byte[0]), CHUNK);

      assertRefused(raw.next(), Refusal.TOO_LARGE, "exceed the 67108864 agreement agr-big allows");
    }
    assertNothingLeft();
  }

  @Test
  void malformedOffersAreRefusedNamingTheField() throws Exception {
    try (RawDeployClient raw = RawDeployClient.open(hosts, CONFIG)) {
      raw.offer("../etc/passwd", 10, sha(new byte[0]), CHUNK);
      assertRefused(raw.next(), Refusal.PROTOCOL_VIOLATION, "agreement_id must be");
    }
    try (RawDeployClient raw = RawDeployClient.open(hosts, CONFIG)) {
      raw.offer("agr-x", 10, new byte[5], CHUNK);
      assertRefused(raw.next(), Refusal.PROTOCOL_VIOLATION, "sha256 must have 32 bytes: 5");
    }
    try (RawDeployClient raw = RawDeployClient.open(hosts, CONFIG)) {
      raw.offer("agr-x", 10, sha(new byte[0]), 1);
      assertRefused(raw.next(), Refusal.PROTOCOL_VIOLATION, "chunk_size must lie between");
    }
    try (RawDeployClient raw = RawDeployClient.open(hosts, CONFIG)) {
      raw.chunk(new byte[10], 0, 10, null);
      assertRefused(raw.next(), Refusal.PROTOCOL_VIOLATION, "expected an offer, got CHUNK");
    }
    assertNothingLeft();
  }

  @Test
  void garbageAndOversizedFramesResetTheStreamAndDeleteThePartialData() throws Exception {
    byte[] data = random(6, 3 * CHUNK);
    try (RawDeployClient raw = RawDeployClient.open(hosts, CONFIG)) {
      raw.offer("agr-6", data.length, sha(data), CHUNK);
      raw.next();
      raw.chunk(data, 0, CHUNK, null);
      raw.raw(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f});

      await().until(() -> raw.stream().closeFuture().isDone());
    }
    assertThat(hosts.received(Type.REFUSED)).singleElement()
        .satisfies(e -> assertThat(e.error()).isEqualTo(DeployError.OVERSIZED_FRAME));
    try (RawDeployClient raw = RawDeployClient.open(hosts, CONFIG)) {
      raw.raw(new byte[] {3, 0x0a, (byte) 0xff, 0x01});
      await().until(() -> raw.stream().closeFuture().isDone());
    }
    assertThat(hosts.received(Type.REFUSED)).hasSize(2).last()
        .satisfies(e -> assertThat(e.error()).isEqualTo(DeployError.MALFORMED_FRAME));
    assertNothingLeft();
  }

  @Test
  void aSenderOverItsQuotaIsRefusedWhileAnotherPeerStillFits() throws Exception {
    hosts.close();
    hosts = new DeployHosts(dir.resolve("q"), CONFIG.toBuilder()
        .perPeerQuotaBytes(10 * CHUNK).totalQuotaBytes(100 * CHUNK).build());
    byte[] data = random(7, 8 * CHUNK);
    try (RawDeployClient first = RawDeployClient.open(hosts, CONFIG);
        RawDeployClient second = RawDeployClient.open(hosts, CONFIG)) {
      first.offer("agr-q1", data.length, sha(data), CHUNK);
      assertThat(first.next().hasResume()).isTrue();
      second.offer("agr-q2", data.length, sha(data), CHUNK);

      assertRefused(second.next(), Refusal.QUOTA_EXCEEDED, "exceed its quota of 163840");
      assertThat(hosts.receiver.reservedBy(hosts.client.peerId())).isEqualTo(data.length);
    }
    // The dropped first transfer stays resumable until the janitor finds it stale.
    assertThat(hosts.receiver.partialTransfers()).isEqualTo(1);
    hosts.clock.advance(CONFIG.staleAfter().plusSeconds(1));
    assertThat(hosts.receiver.sweepStale()).isEqualTo(1);
    assertNothingLeft();
  }
}
