package dev.icon.market.ledger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code <dataDirectory>/ledger.lock}, held while a member runs: two
 * members writing one Raft log would corrupt it. The OS drops the lock when the process dies,
 * kill -9 included, so a restarted member never finds a stale one. Not thread-safe; closed once.
 */
final class DataDirectoryLock implements AutoCloseable {

  static final String FILE_NAME = "ledger.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Locks {@code directory} (created if missing), or fails with UNAVAILABLE naming it. */
  static DataDirectoryLock acquire(Path directory) {
    FileChannel channel = null;
    try {
      Files.createDirectories(directory);
      channel = FileChannel.open(directory.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(directory, null);
      }
      return new DataDirectoryLock(channel, lock);
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw inUse(directory, e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new LedgerException(LedgerError.UNAVAILABLE,
          "LedgerConfig.dataDirectory " + directory + " is not usable: " + e, e);
    } catch (LedgerException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // closing the channel below releases it as well
    }
    closeQuietly(channel);
  }

  private static LedgerException inUse(Path directory, Throwable cause) {
    return new LedgerException(LedgerError.UNAVAILABLE, "LedgerConfig.dataDirectory " + directory
        + " is in use by another running ledger member", cause);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing more to release
      }
    }
  }
}
