package dev.icon.gossip.score;

import dev.icon.overlay.identity.PeerId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the scorer remembers about each recently seen message: its validation status, when it was
 * first seen and validated, and which peers delivered it while it was being validated. Records
 * expire a fixed time after creation. Mutable, confined to the owning {@link PeerScore}.
 */
final class DeliveryRecords {

  /** Validation status of a message. */
  enum Status { VALIDATING, VALID, INVALID, IGNORED }

  /** One message's record. */
  static final class Record {
    Status status = Status.VALIDATING;
    final long firstSeenNanos;
    long validatedNanos;
    final long expireNanos;
    /** Peers (other than the first sender) that delivered it while it was validating. */
    final Set<PeerId> peers = new LinkedHashSet<>();

    Record(long nowNanos, long ttlNanos) {
      firstSeenNanos = nowNanos;
      expireNanos = nowNanos + ttlNanos;
    }
  }

  private final Map<Object, Record> records = new LinkedHashMap<>();
  private final long ttlNanos;

  DeliveryRecords(long ttlNanos) {
    this.ttlNanos = ttlNanos;
  }

  /** The record of {@code messageId}, created now if absent. */
  Record getOrCreate(Object messageId, long nowNanos) {
    return records.computeIfAbsent(messageId, id -> new Record(nowNanos, ttlNanos));
  }

  /** Drops expired records; records are in creation order, so this stops at the first live one. */
  void expire(long nowNanos) {
    Iterator<Record> it = records.values().iterator();
    while (it.hasNext()) {
      if (it.next().expireNanos - nowNanos > 0) {
        return;
      }
      it.remove();
    }
  }

  int size() {
    return records.size();
  }
}
