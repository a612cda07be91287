package dev.icon.market.ledger;

import dev.icon.market.ledger.LedgerStore.Table;
import io.atomix.cluster.MemberId;
import io.atomix.core.Atomix;
import io.atomix.core.map.AsyncAtomicMap;
import io.atomix.core.map.AtomicMap;
import io.atomix.primitive.Recovery;
import io.atomix.primitive.partition.Partition;
import io.atomix.protocols.raft.MultiRaftProtocol;
import io.atomix.protocols.raft.ReadConsistency;
import io.atomix.utils.serializer.Namespaces;
import io.atomix.utils.serializer.Serializer;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable {@link Ledger}: an Atomix 3 member whose agreements, receipts and budgets live in
 * a Raft partition group. With {@link LedgerConfig#defaults()} it is a single embedded member
 * persisted under its data directory; with {@link LedgerConfig#members()} it is one member of a
 * cluster of the provider's own nodes, and a call returns only once a majority has committed it.
 * Reads are linearizable. Reopening the same data directory restores everything acknowledged.
 *
 * <p>The JVM needs {@code --add-opens java.base/java.util.concurrent.atomic=ALL-UNNAMED}
 * (Atomix's serializer); the {@code ./icon} launcher and the test runners pass it.
 *
 * <p>Threading: thread-safe; each call blocks up to {@link LedgerConfig#operationTimeout()}.
 * {@link #open} blocks until the cluster has formed, up to {@link LedgerConfig#startTimeout()}.
 * {@link #close()} is idempotent: it closes the maps, then stops the member (data stays on disk).
 */
public final class AtomixLedger extends VersionedLedger {

  private static final Logger LOG = LoggerFactory.getLogger(AtomixLedger.class);
  /** Pause between attempts to reach a partition's leader during a failover. */
  private static final Duration RETRY_DELAY = Duration.ofMillis(100);

  private final Atomix atomix;
  private final DataDirectoryLock lock;
  private final List<LedgerMember> members;
  private final Duration stopTimeout;
  private final AtomicBoolean closed = new AtomicBoolean();

  private AtomixLedger(AtomixStore store, Atomix atomix, DataDirectoryLock lock, List<LedgerMember> members,
      Duration stopTimeout) {
    super(store);
    this.atomix = atomix;
    this.lock = lock;
    this.members = members;
    this.stopTimeout = stopTimeout;
  }

  /**
   * Starts this member and opens the ledger's maps.
   *
   * @throws LedgerException {@link LedgerError#UNAVAILABLE} if the cluster does not form within
   *     the start timeout (the message lists the members it waited for), or the data directory
   *     is unusable or in use by another running member, or the host cannot be bound
   */
  public static AtomixLedger open(LedgerConfig config) {
    DataDirectoryLock lock = DataDirectoryLock.acquire(config.dataDirectory());
    try {
      return open(config, lock);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static AtomixLedger open(LedgerConfig config, DataDirectoryLock lock) {
    List<LedgerMember> members;
    try {
      members = AtomixMember.resolveMembers(config);
    } catch (UncheckedIOException e) {
      throw new LedgerException(LedgerError.UNAVAILABLE, e.getMessage(), e);
    }
    Atomix atomix = AtomixMember.build(config, members);
    Duration start = config.startTimeout();
    try {
      atomix.start().get(start.toMillis(), TimeUnit.MILLISECONDS);
      Map<Table, AsyncAtomicMap<String, byte[]>> maps = new EnumMap<>(Table.class);
      for (Table table : Table.values()) {
        maps.put(table, openMap(atomix, table, config.operationTimeout())
            .get(start.toMillis(), TimeUnit.MILLISECONDS).async());
      }
      LOG.info("ledger member {} started with members {} in {}", config.memberId(), members, config.dataDirectory());
      return new AtomixLedger(new AtomixStore(maps, config.operationTimeout()), atomix, lock, members,
          config.operationTimeout());
    } catch (TimeoutException e) {
      stopQuietly(atomix, config.operationTimeout());
      throw new LedgerException(LedgerError.UNAVAILABLE, "ledger member " + config.memberId()
          + " could not form a cluster with " + members + " within LedgerConfig.startTimeout " + start
          + " (are a majority of the members running and reachable?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopQuietly(atomix, config.operationTimeout());
      throw new LedgerException(LedgerError.UNAVAILABLE, "interrupted while starting ledger member " + config.memberId(), e);
    } catch (ExecutionException e) {
      stopQuietly(atomix, config.operationTimeout());
      throw new LedgerException(LedgerError.UNAVAILABLE, "ledger member " + config.memberId()
          + " failed to start with " + members + ": " + e.getCause(), e.getCause());
    }
  }

  /** The members this ledger was started with, ports resolved (this member's actual port included). */
  public List<LedgerMember> members() {
    return members;
  }

  /**
   * The ids of the members leading the ledger's Raft partitions, as this member last heard
   * (fewer than {@link LedgerConfig#partitions()}, possibly none, during an election).
   */
  public List<String> partitionLeaders() {
    return atomix.getPartitionService().getPartitionGroup(AtomixMember.DATA_GROUP).getPartitions().stream()
        .map(Partition::primary)
        .filter(Objects::nonNull)
        .map(MemberId::id)
        .distinct()
        .toList();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        super.close();
      } finally {
        stopQuietly(atomix, stopTimeout);
        lock.close();
      }
    }
  }

  private static java.util.concurrent.CompletableFuture<AtomicMap<String, byte[]>> openMap(
      Atomix atomix, Table table, Duration operationTimeout) {
    // While a new leader is elected the session cannot connect: retry every RETRY_DELAY for as
    // long as the operation may take (the store's own timeout cuts it off). Raft sessions
    // sequence commands, so a retried write is applied once.
    int retries = (int) Math.max(1, operationTimeout.toMillis() / RETRY_DELAY.toMillis());
    return atomix.<String, byte[]>atomicMapBuilder(table.primitiveName())
        .withProtocol(MultiRaftProtocol.builder(AtomixMember.DATA_GROUP)
            .withReadConsistency(ReadConsistency.LINEARIZABLE)
            .withRecoveryStrategy(Recovery.RECOVER)
            .withMaxRetries(retries)
            .withRetryDelay(RETRY_DELAY)
            .build())
        .withSerializer(Serializer.using(Namespaces.BASIC))
        .buildAsync();
  }

  private static void stopQuietly(Atomix atomix, Duration timeout) {
    try {
      atomix.stop().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      LOG.warn("ledger member did not stop cleanly: {}", e.toString());
    }
  }
}
