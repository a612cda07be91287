package dev.icon.market.ledger;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link LedgerStore} in this JVM's memory: one concurrent map per table, a global version counter.
 * Thread-safe; lost when the JVM ends.
 */
final class MemoryStore implements LedgerStore {

  private final Map<Table, ConcurrentHashMap<String, Entry>> tables = new EnumMap<>(Table.class);
  private final AtomicLong versions = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  MemoryStore() {
    for (Table t : Table.values()) {
      tables.put(t, new ConcurrentHashMap<>());
    }
  }

  @Override
  public Optional<Entry> get(Table table, String key) {
    checkOpen();
    return Optional.ofNullable(tables.get(table).get(key)).map(MemoryStore::copy);
  }

  @Override
  public Optional<Entry> putIfAbsent(Table table, String key, byte[] value) {
    checkOpen();
    Entry fresh = new Entry(value.clone(), versions.incrementAndGet());
    return Optional.ofNullable(tables.get(table).putIfAbsent(key, fresh)).map(MemoryStore::copy);
  }

  @Override
  public boolean replace(Table table, String key, long version, byte[] value) {
    checkOpen();
    boolean[] replaced = {false};
    tables.get(table).computeIfPresent(key, (k, current) -> {
      if (current.version() != version) {
        return current;
      }
      replaced[0] = true;
      return new Entry(value.clone(), versions.incrementAndGet());
    });
    return replaced[0];
  }

  @Override
  public void close() {
    closed.set(true);
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new LedgerException(LedgerError.CLOSED, "the ledger is closed");
    }
  }

  private static Entry copy(Entry e) {
    return new Entry(e.value().clone(), e.version());
  }
}
