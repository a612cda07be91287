package dev.icon.node.deploy;

import static dev.icon.node.deploy.Artifacts.chunk;
import static dev.icon.node.deploy.Artifacts.peer;
import static dev.icon.node.deploy.Artifacts.random;
import static dev.icon.node.deploy.Artifacts.sha;
import static dev.icon.node.deploy.Artifacts.shaOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link StagingArea} and {@link PartialTransfer}: chunking, resume, hashes, quotas, janitor. */
class StagingAreaTest {

  private static final int CHUNK = 4096;

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock();
  private final PeerId alice = peer();
  private final PeerId bob = peer();

  private StagingArea area(DeployConfig config) throws IOException {
    StagingArea a = new StagingArea(dir.resolve("staging"), dir.resolve("store"), config, clock);
    a.prepare();
    return a;
  }

  private static DeployConfig config() {
    return DeployConfig.builder().chunkSize(CHUNK).minChunkSize(1024).minFreeDiskBytes(0)
        .perPeerQuotaBytes(100_000).totalQuotaBytes(150_000).build();
  }

  private static long feed(PartialTransfer t, Object owner, byte[] data, long from, long to,
      MutableClock clock) {
    long v = from;
    while (v < to) {
      ByteString c = chunk(data, v, CHUNK);
      v = t.accept(owner, v, c, shaOf(c), clock.instant());
    }
    return v;
  }

  @Test
  void verifiedChunksCompleteIntoTheStoreAndNothingStaysStaged() throws IOException {
    StagingArea area = area(config());
    byte[] data = random(1, 10 * CHUNK + 123);
    Object owner = new Object();
    var opened = area.open(new TransferKey(alice, "agr-1", DeployKind.IMAGE), data.length,
        sha(data), CHUNK, owner);
    assertThat(opened.resumeFrom()).isZero();
    assertThat(area.reservedBy(alice)).isEqualTo(data.length);

    assertThat(feed(opened.transfer(), owner, data, 0, data.length, clock)).isEqualTo(data.length);
    Path stored = area.finish(opened.transfer());

    assertThat(stored).isEqualTo(dir.resolve("store/agr-1.image"));
    assertThat(Files.readAllBytes(stored)).isEqualTo(data);
    assertThat(Files.list(dir.resolve("staging"))).isEmpty();
    assertThat(area.reserved()).isZero();
    assertThat(area.size()).isZero();
  }

  @Test
  void anArtifactOfferedAgainAfterItWasStoredIsDoneAtOnceAndADifferentOneStartsAfresh()
      throws IOException {
    StagingArea area = area(config());
    byte[] data = random(21, 3 * CHUNK);
    TransferKey key = new TransferKey(alice, "agr-again", DeployKind.IMAGE);
    Object o = new Object();
    PartialTransfer t = area.open(key, data.length, sha(data), CHUNK, o).transfer();
    feed(t, o, data, 0, data.length, clock);
    Path stored = area.finish(t);

    var again = area.open(key, data.length, sha(data), CHUNK, new Object());

    assertThat(again.transfer()).isNull();
    assertThat(again.alreadyStored()).isEqualTo(stored);
    assertThat(again.resumeFrom()).isEqualTo(data.length);
    assertThat(area.reserved()).isZero();
    byte[] other = random(22, CHUNK);
    var fresh = area.open(key, other.length, sha(other), CHUNK, new Object());
    assertThat(fresh.transfer()).isNotNull();
    assertThat(fresh.resumeFrom()).isZero();
  }

  @Test
  void aSecondOfferOfTheSameArtifactResumesAtTheVerifiedOffsetAndTheOldOwnerIsLockedOut()
      throws IOException {
    StagingArea area = area(config());
    byte[] data = random(2, 8 * CHUNK);
    TransferKey key = new TransferKey(alice, "agr-1", DeployKind.STATE);
    Object first = new Object();
    PartialTransfer t = area.open(key, data.length, sha(data), CHUNK, first).transfer();
    feed(t, first, data, 0, 3 * CHUNK, clock);

    Object second = new Object();
    var resumed = area.open(key, data.length, sha(data), CHUNK, second);

    assertThat(resumed.transfer()).isSameAs(t);
    assertThat(resumed.resumeFrom()).isEqualTo(3L * CHUNK);
    ByteString next = chunk(data, 3L * CHUNK, CHUNK);
    assertThatThrownBy(() -> t.accept(first, 3L * CHUNK, next, shaOf(next), clock.instant()))
        .isInstanceOf(DeployException.class).hasMessageContaining("taken over");
    feed(t, second, data, 3L * CHUNK, data.length, clock);
    assertThat(Files.readAllBytes(area.finish(t))).isEqualTo(data);
    assertThat(area.reserved()).isEqualTo(0);
  }

  @Test
  void anOfferOfADifferentArtifactUnderTheSameKeyReplacesThePartialOne() throws IOException {
    StagingArea area = area(config());
    byte[] old = random(3, 4 * CHUNK);
    byte[] fresh = random(4, 2 * CHUNK);
    TransferKey key = new TransferKey(alice, "agr-1", DeployKind.IMAGE);
    Object owner = new Object();
    PartialTransfer t = area.open(key, old.length, sha(old), CHUNK, owner).transfer();
    feed(t, owner, old, 0, 2 * CHUNK, clock);

    var replaced = area.open(key, fresh.length, sha(fresh), CHUNK, owner);

    assertThat(replaced.resumeFrom()).isZero();
    assertThat(replaced.transfer()).isNotSameAs(t);
    assertThat(area.reservedBy(alice)).isEqualTo(fresh.length);
    assertThat(Files.size(replaced.transfer().path())).isZero();
  }

  @Test
  void onlyOneStreamMayFinishACompleteTransfer() throws IOException {
    StagingArea area = area(config());
    byte[] data = random(23, 2 * CHUNK);
    TransferKey key = new TransferKey(alice, "agr-fin", DeployKind.IMAGE);
    Object first = new Object();
    PartialTransfer t = area.open(key, data.length, sha(data), CHUNK, first).transfer();
    feed(t, first, data, 0, data.length, clock);

    assertThat(t.claimFinish()).isTrue();
    var reoffered = area.open(key, data.length, sha(data), CHUNK, new Object());
    assertThat(reoffered.resumeFrom()).isEqualTo(data.length);
    assertThat(reoffered.transfer().claimFinish()).isFalse();
    assertThat(Files.readAllBytes(area.finish(t))).isEqualTo(data);
  }

  @Test
  void badChunksAreRefusedWithoutWritingAByte() throws IOException {
    StagingArea area = area(config());
    byte[] data = random(5, 3 * CHUNK + 10);
    Object o = new Object();
    PartialTransfer t = area.open(new TransferKey(alice, "a", DeployKind.IMAGE), data.length,
        sha(data), CHUNK, o).transfer();
    ByteString first = chunk(data, 0, CHUNK);

    assertThatThrownBy(() -> t.accept(o, 0, first, shaOf(chunk(data, CHUNK, CHUNK)),
        clock.instant())).isInstanceOf(DeployException.class)
        .extracting(e -> ((DeployException) e).error()).isEqualTo(DeployError.CHUNK_HASH_MISMATCH);
    ByteString second = chunk(data, CHUNK, CHUNK);
    assertThatThrownBy(() -> t.accept(o, CHUNK, second, shaOf(second), clock.instant()))
        .hasMessageContaining("offset 4096 but 0 bytes are verified");
    ByteString shortChunk = ByteString.copyFrom(data, 0, 100);
    assertThatThrownBy(() -> t.accept(o, 0, shortChunk, shaOf(shortChunk), clock.instant()))
        .hasMessageContaining("chunk of 100 bytes where 4096 were due");
    assertThat(t.verified()).isZero();
    assertThat(Files.size(t.path())).isZero();

    feed(t, o, data, 0, 3 * CHUNK, clock);
    ByteString tooLong = ByteString.copyFrom(random(6, CHUNK));
    assertThatThrownBy(() -> t.accept(o, 3 * CHUNK, tooLong, shaOf(tooLong), clock.instant()))
        .hasMessageContaining("past the announced size of " + data.length);
  }

  @Test
  void aWholeHashMismatchLeavesNothingInStagingOrStoreAndReleasesTheQuota() throws IOException {
    StagingArea area = area(config());
    byte[] data = random(7, 2 * CHUNK);
    byte[] lie = sha(random(8, 10));
    Object o = new Object();
    PartialTransfer t = area.open(new TransferKey(alice, "a", DeployKind.IMAGE), data.length, lie,
        CHUNK, o).transfer();
    feed(t, o, data, 0, data.length, clock);

    assertThatThrownBy(() -> area.finish(t)).isInstanceOf(DeployException.class)
        .extracting(e -> ((DeployException) e).error()).isEqualTo(DeployError.TOTAL_HASH_MISMATCH);
    assertThat(Files.list(dir.resolve("staging"))).isEmpty();
    assertThat(Files.list(dir.resolve("store"))).isEmpty();
    assertThat(area.reserved()).isZero();
  }

  @Test
  void quotasBoundEachPeerAndAllPeersTogether() throws IOException {
    StagingArea area = area(config());
    byte[] h = sha(new byte[0]);
    area.open(new TransferKey(alice, "a1", DeployKind.IMAGE), 60_000, h, CHUNK, new Object());

    assertThatThrownBy(() -> area.open(new TransferKey(alice, "a2", DeployKind.IMAGE), 50_000, h,
        CHUNK, new Object())).extracting(e -> ((DeployException) e).error())
        .isEqualTo(DeployError.QUOTA_EXCEEDED);
    area.open(new TransferKey(bob, "b1", DeployKind.IMAGE), 80_000, h, CHUNK, new Object());
    assertThatThrownBy(() -> area.open(new TransferKey(peer(), "c1", DeployKind.IMAGE), 20_000,
        h, CHUNK, new Object())).hasMessageContaining("total quota of 150000");
    assertThat(area.reserved()).isEqualTo(140_000);
    assertThat(area.size()).isEqualTo(2);
  }

  @Test
  void anOfferThatWouldLeaveTooLittleFreeDiskIsRefused() throws IOException {
    StagingArea area = area(config().toBuilder().minFreeDiskBytes(Long.MAX_VALUE / 4).build());

    assertThatThrownBy(() -> area.open(new TransferKey(alice, "a", DeployKind.IMAGE), 10, sha(
        new byte[0]), CHUNK, new Object())).extracting(e -> ((DeployException) e).error())
        .isEqualTo(DeployError.TOO_LARGE);
    assertThat(area.size()).isZero();
  }

  @Test
  void theJanitorDeletesOnlyTransfersIdleLongerThanStaleAfter() throws IOException {
    DeployConfig c = config().toBuilder().staleAfter(Duration.ofMinutes(10)).build();
    StagingArea area = area(c);
    byte[] data = random(9, 4 * CHUNK);
    Object o = new Object();
    PartialTransfer busy = area.open(new TransferKey(alice, "busy", DeployKind.IMAGE),
        data.length, sha(data), CHUNK, o).transfer();
    PartialTransfer idle = area.open(new TransferKey(bob, "idle", DeployKind.IMAGE),
        data.length, sha(data), CHUNK, o).transfer();
    feed(idle, o, data, 0, CHUNK, clock);

    clock.advance(Duration.ofMinutes(6));
    feed(busy, o, data, 0, CHUNK, clock);
    assertThat(area.sweep()).isEmpty();
    clock.advance(Duration.ofMinutes(5));

    assertThat(area.sweep()).containsExactly(idle);
    assertThat(idle.path()).doesNotExist();
    assertThat(busy.path()).exists();
    assertThat(area.reservedBy(bob)).isZero();
    assertThat(area.reservedBy(alice)).isEqualTo(data.length);
    clock.advance(Duration.ofMinutes(10));
    assertThat(area.sweep()).containsExactly(busy);
    assertThat(Files.list(dir.resolve("staging"))).isEmpty();
  }

  @Test
  void prepareDeletesPartialFilesOfAPreviousRunOnly() throws IOException {
    Path staging = Files.createDirectories(dir.resolve("staging"));
    Files.write(staging.resolve("x-agr.image.part"), new byte[10]);
    Files.write(staging.resolve("notes.txt"), new byte[1]);

    assertThat(new StagingArea(staging, dir.resolve("store"), config(), clock).prepare())
        .isEqualTo(1);
    assertThat(Files.list(staging)).containsExactly(staging.resolve("notes.txt"));
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void randomDropsAlwaysResumeOnAChunkBoundaryAndEndByteForByte(long seed) throws IOException {
    Random r = new Random(seed);
    StagingArea area = area(config().toBuilder().perPeerQuotaBytes(1 << 20)
        .totalQuotaBytes(1 << 20).build());
    byte[] data = random(seed, r.nextInt(20 * CHUNK));
    TransferKey key = new TransferKey(alice, "agr-" + seed, DeployKind.IMAGE);
    Object owner = new Object();
    var opened = area.open(key, data.length, sha(data), CHUNK, owner);
    long v = opened.resumeFrom();
    while (v < data.length) {
      long stop = Math.min(data.length, v + (long) r.nextInt(4) * CHUNK + 1);
      v = feed(opened.transfer(), owner, data, v, stop, clock);
      owner = new Object();
      opened = area.open(key, data.length, sha(data), CHUNK, owner);
      assertThat(opened.resumeFrom()).isEqualTo(v);
      assertThat(v % CHUNK == 0 || v == data.length).isTrue();
    }
    assertThat(Files.readAllBytes(area.finish(opened.transfer()))).isEqualTo(data);
  }
}
