package dev.icon.overlay.kad;

import com.google.protobuf.ByteString;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The records this node stores for others (PUT_VALUE) and serves (GET_VALUE). Every record is
 * validated by the {@link RecordValidators} before it is stored and again before it is served
 * (records expire); for one key the better record, by the namespace's selector, is kept.
 *
 * <p>Bounded: at most {@link KadConfig#maxRecords()} records of at most {@link
 * KadConfig#maxRecordSize()} bytes; a full store refuses records for new keys (after dropping
 * records older than {@link KadConfig#maxRecordAge()}). Thread-safe: methods hold the store's
 * lock; validation of a new record runs outside it.
 */
public final class RecordStore {

  /** What {@link #put} did. */
  public enum Outcome {
    /** The record is now stored (new key, or better than the one held). */
    STORED,
    /** The record held for the key is at least as good; it stays. */
    KEPT_EXISTING,
    /** The store is full of other keys; nothing stored. */
    REJECTED_STORE_FULL
  }

  /**
   * A stored record.
   *
   * @param key the record key
   * @param value the record value
   * @param receivedAt when this node received it (the wire's {@code timeReceived})
   */
  public record StoredRecord(ByteString key, ByteString value, Instant receivedAt) {}

  private final KadConfig config;
  private final RecordValidators validators;
  private final Clock clock;
  private final Object lock = new Object();
  private final Map<ByteString, StoredRecord> records = new HashMap<>();

  /** An empty store. */
  public RecordStore(KadConfig config, RecordValidators validators, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.validators = Objects.requireNonNull(validators, "validators");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Validates and stores a record.
   *
   * @throws KadException if the record is invalid (the reason in {@link KadException#error()})
   */
  public Outcome put(byte[] key, byte[] value) {
    validators.validate(key, value);
    ByteString k = ByteString.copyFrom(key);
    StoredRecord fresh = new StoredRecord(k, ByteString.copyFrom(value), clock.instant());
    synchronized (lock) {
      StoredRecord held = current(k);
      if (held != null) {
        int best = bestOf(key, held.value().toByteArray(), value);
        if (best == 0) {
          return Outcome.KEPT_EXISTING;
        }
      } else if (records.size() >= config.maxRecords()) {
        records.values().removeIf(this::isTooOld);
        if (records.size() >= config.maxRecords()) {
          return Outcome.REJECTED_STORE_FULL;
        }
      }
      records.put(k, fresh);
      return Outcome.STORED;
    }
  }

  /** The record for {@code key}, if held, young enough and still valid. */
  public Optional<StoredRecord> get(byte[] key) {
    ByteString k = ByteString.copyFrom(key);
    StoredRecord held;
    synchronized (lock) {
      held = current(k);
    }
    if (held == null) {
      return Optional.empty();
    }
    try {
      validators.validate(key, held.value().toByteArray());
      return Optional.of(held);
    } catch (KadException e) {
      synchronized (lock) {
        records.remove(k, held);
      }
      return Optional.empty();
    }
  }

  /** Records held (some may be too old or expired and not yet dropped). */
  public int size() {
    synchronized (lock) {
      return records.size();
    }
  }

  private StoredRecord current(ByteString k) {
    StoredRecord held = records.get(k);
    if (held != null && isTooOld(held)) {
      records.remove(k);
      return null;
    }
    return held;
  }

  private boolean isTooOld(StoredRecord record) {
    return !record.receivedAt().plus(config.maxRecordAge()).isAfter(clock.instant());
  }

  private int bestOf(byte[] key, byte[] held, byte[] offered) {
    try {
      return validators.select(key, List.of(held, offered));
    } catch (KadException e) {
      return 1; // the held record went invalid (expired): the offered, valid one wins
    }
  }
}
