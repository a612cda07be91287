package dev.icon.node.deploy;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;

/**
 * One artifact being received: its staging file, the running sha256 of the verified prefix and
 * the stream that currently owns it. Chunks are checked (offset, length, hash) before a byte is
 * written, so the file only ever holds verified data.
 *
 * <p>Threading: every method is synchronized; a new stream may take the transfer over from an old
 * one whose connection dropped (chunks from the old owner are then refused).
 */
final class PartialTransfer {

  private final TransferKey key;
  private final Path path;
  private final long total;
  private final byte[] sha256;
  private final int chunkSize;
  private final MessageDigest whole = Sha256.digest();
  private FileChannel file;
  private long verified;
  private Instant lastActivity;
  private Object owner;
  private boolean closed;
  private boolean finishing;

  PartialTransfer(TransferKey key, Path path, long total, byte[] sha256, int chunkSize,
      Object owner, Instant now) throws IOException {
    this.key = key;
    this.path = path;
    this.total = total;
    this.sha256 = sha256.clone();
    this.chunkSize = chunkSize;
    this.owner = owner;
    this.lastActivity = now;
    this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
  }

  TransferKey key() {
    return key;
  }

  Path path() {
    return path;
  }

  long total() {
    return total;
  }

  /** The offered hash of the whole (a copy). */
  byte[] sha256() {
    return sha256.clone();
  }

  /** Whether an offer describes this very artifact (so the transfer resumes). */
  synchronized boolean matches(long total, byte[] sha256, int chunkSize) {
    return !closed && this.total == total && this.chunkSize == chunkSize
        && Arrays.equals(this.sha256, sha256);
  }

  /** Hands the transfer to a new stream; returns the verified byte count to resume from. */
  synchronized long takeOver(Object newOwner, Instant now) {
    owner = newOwner;
    lastActivity = now;
    return verified;
  }

  synchronized long verified() {
    return verified;
  }

  synchronized boolean complete() {
    return verified == total;
  }

  /**
   * Claims the completion (hash check, fsync, rename) of a complete transfer for the caller;
   * false when another stream already did (a sender that reconnected while it ran).
   */
  synchronized boolean claimFinish() {
    if (finishing || closed) {
      return false;
    }
    finishing = true;
    return true;
  }

  synchronized Object owner() {
    return owner;
  }

  synchronized boolean ownedBy(Object who) {
    return owner == who && !closed;
  }

  synchronized boolean idleSince(Instant cutoff) {
    return lastActivity.isBefore(cutoff);
  }

  /**
   * Checks and stores one chunk from {@code who}.
   *
   * @return the verified byte count afterwards
   * @throws DeployException {@link DeployError#BAD_CHUNK}, {@link
   *     DeployError#CHUNK_HASH_MISMATCH} or {@link DeployError#STORAGE_FAILED}
   */
  synchronized long accept(Object who, long offset, ByteString data, ByteString hash, Instant now) {
    if (closed || owner != who) {
      throw new DeployException(DeployError.PROTOCOL_VIOLATION,
          "the transfer was taken over by a newer stream or closed");
    }
    if (offset != verified) {
      throw new DeployException(DeployError.BAD_CHUNK,
          "chunk at offset " + offset + " but " + verified + " bytes are verified");
    }
    long end = offset + data.size();
    if (end > total) {
      throw new DeployException(DeployError.BAD_CHUNK, "chunk ends at " + end
          + ", past the announced size of " + total + " bytes");
    }
    long expected = Math.min(chunkSize, total - offset);
    if (data.size() != expected) {
      throw new DeployException(DeployError.BAD_CHUNK,
          "chunk of " + data.size() + " bytes where " + expected + " were due");
    }
    if (!Sha256.equals(Sha256.of(data), hash)) {
      throw new DeployException(DeployError.CHUNK_HASH_MISMATCH,
          "chunk at offset " + offset + " does not match its sha256");
    }
    try {
      var buffer = data.asReadOnlyByteBuffer();
      long position = offset;
      while (buffer.hasRemaining()) {
        position += file.write(buffer, position);
      }
    } catch (IOException e) {
      throw new DeployException(DeployError.STORAGE_FAILED,
          "writing " + path + ": " + e.getMessage(), e);
    }
    data.asReadOnlyByteBufferList().forEach(whole::update);
    verified = end;
    lastActivity = now;
    return verified;
  }

  /**
   * Checks the whole hash of a complete transfer, syncs and closes the file.
   *
   * @throws DeployException {@link DeployError#TOTAL_HASH_MISMATCH} or {@link
   *     DeployError#STORAGE_FAILED}
   */
  synchronized void seal() {
    if (verified != total || closed) {
      throw new IllegalStateException("sealing an incomplete or closed transfer");
    }
    byte[] actual = whole.digest();
    if (!Arrays.equals(actual, sha256)) {
      throw new DeployException(DeployError.TOTAL_HASH_MISMATCH, "the " + total
          + " bytes received have sha256 " + Sha256.hex(actual) + ", not the offered "
          + Sha256.hex(sha256));
    }
    try {
      file.force(true);
      file.close();
    } catch (IOException e) {
      throw new DeployException(DeployError.STORAGE_FAILED,
          "syncing " + path + ": " + e.getMessage(), e);
    }
    closed = true;
  }

  /** Closes the file (if open) and deletes it; idempotent. Returns whether it was open. */
  synchronized boolean delete() {
    boolean wasOpen = !closed;
    closed = true;
    try {
      file.close();
    } catch (IOException e) {
      // Deleting below is what matters.
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // The janitor's start-up sweep removes it next time.
    }
    return wasOpen;
  }
}
