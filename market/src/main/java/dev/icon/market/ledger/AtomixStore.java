package dev.icon.market.ledger;

import io.atomix.core.map.AsyncAtomicMap;
import io.atomix.primitive.PrimitiveException;
import io.atomix.utils.time.Versioned;
import java.net.ConnectException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link LedgerStore} on three Atomix {@code AtomicMap}s of a Raft partition group: a write returns
 * once a majority has committed it; versions are the Raft indexes of the last write, so
 * {@link #replace} is a compare-and-set applied by the Raft state machine. Every call waits at
 * most the operation timeout and maps Atomix failures to {@link LedgerError}s.
 *
 * <p>Thread-safe. {@link #close()} closes the maps' sessions, not the Atomix member.
 */
final class AtomixStore implements LedgerStore {

  private final Map<Table, AsyncAtomicMap<String, byte[]>> maps;
  private final Duration timeout;
  private final AtomicBoolean closed = new AtomicBoolean();

  AtomixStore(Map<Table, AsyncAtomicMap<String, byte[]>> maps, Duration timeout) {
    this.maps = new EnumMap<>(maps);
    this.timeout = timeout;
  }

  @Override
  public Optional<Entry> get(Table table, String key) {
    return Optional.ofNullable(await(map(table).get(key), "read of " + key)).map(AtomixStore::entry);
  }

  @Override
  public Optional<Entry> putIfAbsent(Table table, String key, byte[] value) {
    return Optional.ofNullable(await(map(table).putIfAbsent(key, value), "write of " + key)).map(AtomixStore::entry);
  }

  @Override
  public boolean replace(Table table, String key, long version, byte[] value) {
    return Boolean.TRUE.equals(await(map(table).replace(key, version, value), "write of " + key));
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      for (AsyncAtomicMap<String, byte[]> map : maps.values()) {
        try {
          map.close().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (ExecutionException | TimeoutException e) {
          // The member is going away anyway; its sessions expire on the other members.
        }
      }
    }
  }

  private AsyncAtomicMap<String, byte[]> map(Table table) {
    if (closed.get()) {
      throw new LedgerException(LedgerError.CLOSED, "the ledger is closed");
    }
    return maps.get(table);
  }

  private static Entry entry(Versioned<byte[]> v) {
    return new Entry(v.value(), v.version());
  }

  private <T> T await(CompletableFuture<T> future, String what) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new LedgerException(LedgerError.TIMEOUT,
          what + " did not complete within " + timeout + " (no quorum reachable?); its outcome is unknown", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerException(LedgerError.STORE_FAILURE, what + " was interrupted; its outcome is unknown", e);
    } catch (ExecutionException e) {
      throw failure(what, e.getCause());
    }
  }

  /** Maps an Atomix failure of one call to the ledger's error. */
  static LedgerException failure(String what, Throwable cause) {
    if (cause instanceof PrimitiveException.Timeout) {
      return new LedgerException(LedgerError.TIMEOUT, what + " timed out in the cluster; its outcome is unknown", cause);
    }
    if (cause instanceof PrimitiveException.Unavailable || cause instanceof ConnectException) {
      return new LedgerException(LedgerError.UNAVAILABLE,
          what + " failed: no leader reachable (is a majority of the members running?): " + cause.getMessage(), cause);
    }
    if (cause instanceof PrimitiveException.ClosedSession) {
      return new LedgerException(LedgerError.CLOSED, what + " failed: the ledger session is closed", cause);
    }
    return new LedgerException(LedgerError.STORE_FAILURE, what + " failed: " + cause, cause);
  }
}
