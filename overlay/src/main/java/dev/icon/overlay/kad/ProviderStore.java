package dev.icon.overlay.kad;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ADD_PROVIDER bookkeeping: which peers provide which keys, until when. Each ADD_PROVIDER (new or
 * repeated) makes its record valid for {@link KadConfig#providerValidity()} from now.
 *
 * <p>Memory is bounded whatever peers send: at most {@link KadConfig#maxProvidersPerKey()} records
 * per key and {@link KadConfig#maxProviderRecords()} in all, keys of at most {@link
 * KadConfig#maxProviderKeyLength()} bytes, at most {@link KadConfig#maxProviderAddrs()} addresses
 * of at most {@value #MAX_ADDR_LENGTH} bytes per record (the rest are dropped). A full key or store
 * refuses new providers (existing ones may refresh), so records already held are not churned out by
 * a flood; expired records are pruned first, so a full store frees itself as records age.
 *
 * <p>Records are kept in expiry order (all expire a fixed validity after their last refresh), so
 * pruning costs only the records it removes. Thread-safe: every method holds the store's lock.
 */
public final class ProviderStore {

  /** Longest address kept, in bytes (a multiaddr with a long DNS name is well under this). */
  public static final int MAX_ADDR_LENGTH = 512;

  /** What {@link #add} did. */
  public enum Outcome {
    /** A new provider record was stored. */
    ADDED,
    /** The provider was known for the key; its validity and addresses were renewed. */
    REFRESHED,
    /** The key is longer than {@link KadConfig#maxProviderKeyLength()}; nothing stored. */
    REJECTED_KEY_TOO_LONG,
    /** The key already has {@link KadConfig#maxProvidersPerKey()} providers; nothing stored. */
    REJECTED_KEY_FULL,
    /** The store holds {@link KadConfig#maxProviderRecords()} records; nothing stored. */
    REJECTED_STORE_FULL
  }

  private record Slot(ByteString key, PeerId provider) {}

  private final KadConfig config;
  private final Clock clock;
  private final Object lock = new Object();
  private final Map<ByteString, LinkedHashMap<PeerId, ProviderRecord>> byKey = new HashMap<>();
  // Insertion order = expiry order: a refresh re-inserts at the tail.
  private final LinkedHashMap<Slot, Instant> byExpiry = new LinkedHashMap<>();

  /** An empty store with {@code config}'s bounds and validity, timed by {@code clock}. */
  public ProviderStore(KadConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Records that {@code provider} provides {@code key} at {@code addrs}. */
  public Outcome add(byte[] key, PeerId provider, List<ByteString> addrs) {
    if (key.length > config.maxProviderKeyLength()) {
      return Outcome.REJECTED_KEY_TOO_LONG;
    }
    ByteString k = ByteString.copyFrom(key);
    Instant now = clock.instant();
    ProviderRecord record =
        new ProviderRecord(provider, boundedAddrs(addrs), now.plus(config.providerValidity()));
    Slot slot = new Slot(k, provider);
    synchronized (lock) {
      LinkedHashMap<PeerId, ProviderRecord> providers = byKey.get(k);
      if (providers != null && providers.containsKey(provider)) {
        providers.remove(provider);
        providers.put(provider, record);
        byExpiry.remove(slot);
        byExpiry.put(slot, record.expiresAt());
        return Outcome.REFRESHED;
      }
      if (byExpiry.size() >= config.maxProviderRecords()
          || (providers != null && providers.size() >= config.maxProvidersPerKey())) {
        pruneExpired(now);
        providers = byKey.get(k);
      }
      if (byExpiry.size() >= config.maxProviderRecords()) {
        return Outcome.REJECTED_STORE_FULL;
      }
      if (providers != null && providers.size() >= config.maxProvidersPerKey()) {
        return Outcome.REJECTED_KEY_FULL;
      }
      byKey.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(provider, record);
      byExpiry.put(slot, record.expiresAt());
      return Outcome.ADDED;
    }
  }

  /** The unexpired providers of {@code key}, least recently refreshed first. */
  public List<ProviderRecord> providers(byte[] key) {
    Instant now = clock.instant();
    synchronized (lock) {
      LinkedHashMap<PeerId, ProviderRecord> providers = byKey.get(ByteString.copyFrom(key));
      if (providers == null) {
        return List.of();
      }
      List<ProviderRecord> out = new ArrayList<>(providers.size());
      for (ProviderRecord record : providers.values()) {
        if (record.expiresAt().isAfter(now)) {
          out.add(record);
        }
      }
      return out;
    }
  }

  /** Removes expired records (call every {@link KadConfig#providerCleanupInterval()}); count. */
  public int removeExpired() {
    synchronized (lock) {
      return pruneExpired(clock.instant());
    }
  }

  /** Provider records held, including expired ones not yet pruned. */
  public int size() {
    synchronized (lock) {
      return byExpiry.size();
    }
  }

  /** Keys with at least one record held. */
  public int keyCount() {
    synchronized (lock) {
      return byKey.size();
    }
  }

  private int pruneExpired(Instant now) {
    int removed = 0;
    Iterator<Map.Entry<Slot, Instant>> it = byExpiry.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Slot, Instant> entry = it.next();
      if (entry.getValue().isAfter(now)) {
        break;
      }
      it.remove();
      Slot slot = entry.getKey();
      LinkedHashMap<PeerId, ProviderRecord> providers = byKey.get(slot.key());
      providers.remove(slot.provider());
      if (providers.isEmpty()) {
        byKey.remove(slot.key());
      }
      removed++;
    }
    return removed;
  }

  private List<ByteString> boundedAddrs(List<ByteString> addrs) {
    List<ByteString> out = new ArrayList<>(Math.min(addrs.size(), config.maxProviderAddrs()));
    for (ByteString addr : addrs) {
      if (out.size() == config.maxProviderAddrs()) {
        break;
      }
      if (addr.size() <= MAX_ADDR_LENGTH) {
        out.add(addr);
      }
    }
    return out;
  }
}
