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
 * expire a fixed time after creation; beyond {@code maxRecords} the oldest is dropped. Mutable,
 * confined to the owning {@link PeerScore}.
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
  private final int maxRecords;

  DeliveryRecords(long ttlNanos, int maxRecords) {
    this.ttlNanos = ttlNanos;
    this.maxRecords = maxRecords;
  }

  /** The record of {@code messageId}, created now if absent (dropping the oldest when full). */
  Record getOrCreate(Object messageId, long nowNanos) {
    Record rec = records.get(messageId);
    if (rec != null) {
      return rec;
    }
    if (records.size() >= maxRecords) {
      Iterator<Record> oldest = records.values().iterator();
      oldest.next();
      oldest.remove();
    }
    rec = new Record(nowNanos, ttlNanos);
    records.put(messageId, rec);
    return rec;
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
