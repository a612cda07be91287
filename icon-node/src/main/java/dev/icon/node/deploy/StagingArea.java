package dev.icon.node.deploy;

import dev.icon.overlay.identity.PeerId;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The receiver's partial transfers on disk and the quotas on them: every admitted offer reserves
 * its whole size against the sender's quota and the total quota until it completes, is refused or
 * expires. Complete, verified files move atomically from the staging directory into the store
 * directory (same file system); nothing partial is ever visible there.
 *
 * <p>Threading: thread-safe. Lock order: this area's lock may take a transfer's lock briefly, a
 * transfer's lock never takes the area's.
 */
final class StagingArea {

  /**
   * The state of a newly admitted offer: a transfer to continue from {@code resumeFrom}, or (with
   * a null transfer) the path where this very artifact is already stored.
   */
  record Opened(PartialTransfer transfer, long resumeFrom, Path alreadyStored) {}

  /** How many stored artifacts' hashes are remembered for idempotent re-offers. */
  static final int REMEMBERED_STORED = 1024;

  private final Path staging;
  private final Path store;
  private final DeployConfig config;
  private final Clock clock;
  private final Map<TransferKey, PartialTransfer> transfers = new HashMap<>();
  private final Map<PeerId, Long> reservedByPeer = new HashMap<>();
  private final Map<TransferKey, byte[]> stored = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<TransferKey, byte[]> eldest) {
      return size() > REMEMBERED_STORED;
    }
  };
  private long reserved;

  StagingArea(Path staging, Path store, DeployConfig config, Clock clock) {
    this.staging = Objects.requireNonNull(staging, "staging");
    this.store = Objects.requireNonNull(store, "store");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Creates both directories and deletes partial files a previous run left behind (they cannot be
   * resumed: their running hash is gone).
   *
   * @return how many partial files were deleted
   */
  int prepare() throws IOException {
    Files.createDirectories(staging);
    Files.createDirectories(store);
    int deleted = 0;
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(staging, "*.part")) {
      for (Path p : parts) {
        if (Files.deleteIfExists(p)) {
          deleted++;
        }
      }
    }
    return deleted;
  }

  /**
   * Opens (or resumes) the transfer {@code key} for {@code owner}: an existing partial transfer
   * of the same artifact is taken over; one of a different artifact is replaced.
   *
   * @throws DeployException {@link DeployError#QUOTA_EXCEEDED}, {@link DeployError#TOO_LARGE}
   *     (disk) or {@link DeployError#STORAGE_FAILED}
   */
  Opened open(TransferKey key, long total, byte[] sha256, int chunkSize, Object owner) {
    Instant now = clock.instant();
    try {
      synchronized (this) {
        PartialTransfer existing = transfers.get(key);
        if (existing != null && existing.matches(total, sha256, chunkSize)) {
          return new Opened(existing, existing.takeOver(owner, now), null);
        }
        Path done = store.resolve(key.storeName());
        byte[] storedHash = stored.get(key);
        if (existing == null && storedHash != null && Arrays.equals(storedHash, sha256)
            && Files.isRegularFile(done) && Files.size(done) == total) {
          // Sent again (the verdict was lost with the connection, or a retried deploy): done.
          return new Opened(null, total, done);
        }
        if (existing != null) {
          // Same file name: delete the old data before the new file is created.
          release(existing);
          existing.delete();
        }
        long peerReserved = reservedByPeer.getOrDefault(key.peer(), 0L);
        if (peerReserved + total > config.perPeerQuotaBytes()) {
          throw new DeployException(DeployError.QUOTA_EXCEEDED, key.peer() + " holds "
              + peerReserved + " staging bytes; " + total + " more exceed its quota of "
              + config.perPeerQuotaBytes());
        }
        if (reserved + total > config.totalQuotaBytes()) {
          throw new DeployException(DeployError.QUOTA_EXCEEDED, "transfers hold " + reserved
              + " staging bytes; " + total + " more exceed the total quota of "
              + config.totalQuotaBytes());
        }
        long usable = usableSpace();
        if (usable - (total + config.minFreeDiskBytes()) < 0) {
          throw new DeployException(DeployError.TOO_LARGE, total + " bytes would leave less than "
              + config.minFreeDiskBytes() + " bytes free on the staging disk (" + usable
              + " usable)");
        }
        PartialTransfer created = new PartialTransfer(key, staging.resolve(key.stagingName()),
            total, sha256, chunkSize, owner, now);
        transfers.put(key, created);
        reservedByPeer.merge(key.peer(), total, Long::sum);
        reserved += total;
        return new Opened(created, 0, null);
      }
    } catch (IOException e) {
      throw new DeployException(DeployError.STORAGE_FAILED,
          "creating a staging file in " + staging + ": " + e.getMessage(), e);
    }
  }

  /**
   * Seals a complete transfer (whole hash, sync) and moves it into the store atomically.
   *
   * @return the stored file
   * @throws DeployException {@link DeployError#TOTAL_HASH_MISMATCH} or {@link
   *     DeployError#STORAGE_FAILED}; the partial data is deleted either way
   */
  Path finish(PartialTransfer transfer) {
    try {
      transfer.seal();
      Path target = store.resolve(transfer.key().storeName());
      synchronized (this) {
        stored.remove(transfer.key());
      }
      Files.move(transfer.path(), target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      synchronized (this) {
        stored.put(transfer.key(), transfer.sha256());
      }
      return target;
    } catch (IOException e) {
      throw new DeployException(DeployError.STORAGE_FAILED,
          "moving " + transfer.path() + " into " + store + ": " + e.getMessage(), e);
    } finally {
      discard(transfer);
    }
  }

  /** Deletes a transfer's partial data (if any is left) and releases its reservation. */
  void discard(PartialTransfer transfer) {
    synchronized (this) {
      release(transfer);
    }
    transfer.delete();
  }

  /**
   * The janitor's sweep: deletes partial transfers idle longer than {@code staleAfter}.
   *
   * @return the deleted transfers
   */
  List<PartialTransfer> sweep() {
    Instant cutoff = clock.instant().minus(config.staleAfter());
    List<PartialTransfer> stale = new ArrayList<>();
    synchronized (this) {
      for (PartialTransfer t : List.copyOf(transfers.values())) {
        if (t.idleSince(cutoff)) {
          release(t);
          stale.add(t);
        }
      }
    }
    stale.forEach(PartialTransfer::delete);
    return stale;
  }

  /** Deletes every partial transfer (at stop). */
  void clear() {
    List<PartialTransfer> all;
    synchronized (this) {
      all = List.copyOf(transfers.values());
      all.forEach(this::release);
    }
    all.forEach(PartialTransfer::delete);
  }

  /** Staging bytes reserved by {@code peer}. */
  synchronized long reservedBy(PeerId peer) {
    return reservedByPeer.getOrDefault(peer, 0L);
  }

  /** Staging bytes reserved by all peers. */
  synchronized long reserved() {
    return reserved;
  }

  /** Partial transfers held. */
  synchronized int size() {
    return transfers.size();
  }

  /** The store directory. */
  Path store() {
    return store;
  }

  /** The staging directory. */
  Path staging() {
    return staging;
  }

  private void release(PartialTransfer t) {
    if (transfers.remove(t.key(), t)) {
      reservedByPeer.computeIfPresent(t.key().peer(), (p, v) -> v == t.total() ? null
          : v - t.total());
      reserved -= t.total();
    }
  }

  private long usableSpace() throws IOException {
    return Files.getFileStore(staging).getUsableSpace();
  }
}
