package dev.icon.overlay.kad;

import com.google.protobuf.ByteString;
import dev.icon.proto.libp2p.kad.Message;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DHT's periodic jobs, on the node's scheduler (so none runs after stop): a self-lookup at
 * start; every {@link KadConfig#refreshInterval()} a self-lookup and, one after another, a lookup of
 * a random key in each bucket not refreshed within the interval (up to {@link
 * KadConfig#maxRefreshCpl()}); every {@link KadConfig#providerCleanupInterval()} expired provider
 * records are dropped; every {@link KadConfig#providerRepublishInterval()} our provided keys are
 * announced again; with {@link KadConfig#minConnections()} set, every host maintenance interval a
 * {@link ConnectionKeeper} check.
 *
 * <p>Threading: thread-safe; jobs run on the scheduler thread and never block it.
 */
final class KadMaintenance {

  private static final Logger LOG = LoggerFactory.getLogger(KadMaintenance.class);

  private final KadNode node;
  private final KadDht dht;
  private final RandomGenerator random;
  private final Set<ByteString> provided = ConcurrentHashMap.newKeySet();

  KadMaintenance(KadNode node, KadDht dht, RandomGenerator random) {
    this.node = node;
    this.dht = dht;
    this.random = random;
  }

  void start() {
    KadConfig c = node.config;
    node.schedule(java.time.Duration.ZERO, this::selfLookup);
    node.every(c.refreshInterval(), this::refresh);
    node.every(c.providerCleanupInterval(), this::cleanup);
    node.every(c.providerRepublishInterval(), this::republish);
    if (c.minConnections() > 0) {
      ConnectionKeeper keeper = new ConnectionKeeper(node, c.minConnections(), random.nextLong());
      node.every(node.host.config().maintenanceInterval(), keeper::check);
    }
  }

  void provided(byte[] key) {
    provided.add(ByteString.copyFrom(key));
  }

  boolean isProvided(byte[] key) {
    return provided.contains(ByteString.copyFrom(key));
  }

  private void selfLookup() {
    if (node.table.size() > 0) {
      dht.selfLookup(List.of());
    }
  }

  private void refresh() {
    if (!node.running() || node.table.size() == 0) {
      return;
    }
    List<Integer> stale = node.table.bucketsNeedingRefresh(node.config.refreshInterval(),
        node.config.maxRefreshCpl());
    CompletableFuture<?> chain = dht.selfLookup(List.of());
    for (int cpl : stale) {
      chain = chain.thenCompose(r -> node.running()
          ? node.lookup(KadMessages.request(Message.MessageType.FIND_NODE,
              RefreshTargets.keyForBucket(node.table.selfKey(), cpl, random)), List.of(),
              LookupHandler.NONE)
          : CompletableFuture.completedFuture(null));
    }
    chain.whenComplete((r, e) -> LOG.debug("kad refresh of {} buckets done; table {}",
        stale.size(), node.table.size()));
  }

  private void cleanup() {
    int removed = node.providers.removeExpired();
    if (removed > 0) {
      LOG.debug("removed {} expired provider records", removed);
    }
  }

  private void republish() {
    for (ByteString key : provided) {
      if (!node.running()) {
        return;
      }
      dht.provide(key.toByteArray());
    }
  }
}
