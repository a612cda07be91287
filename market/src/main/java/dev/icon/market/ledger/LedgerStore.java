package dev.icon.market.ledger;

import java.util.Optional;

/**
 * A versioned key-value store with compare-and-set, the one thing {@link VersionedLedger} needs
 * from its storage: three tables of opaque values, each write bumping the key's version.
 * Implementations: {@link MemoryStore} and {@link AtomixStore}.
 *
 * <p>Threading: implementations are thread-safe and linearizable per key.
 */
interface LedgerStore extends AutoCloseable {

  /** The ledger's tables. */
  enum Table {
    AGREEMENTS("icon-ledger-agreements"),
    RECEIPTS("icon-ledger-receipts"),
    BUDGETS("icon-ledger-budgets");

    private final String primitiveName;

    Table(String primitiveName) {
      this.primitiveName = primitiveName;
    }

    /** The name of the distributed map holding this table. */
    String primitiveName() {
      return primitiveName;
    }
  }

  /** A stored value and its version (the version changes on every write of the key). */
  record Entry(byte[] value, long version) {}

  /** The current entry of {@code key}, or empty. */
  Optional<Entry> get(Table table, String key);

  /** Stores {@code value} if {@code key} is absent; returns empty if stored, else the present entry. */
  Optional<Entry> putIfAbsent(Table table, String key, byte[] value);

  /** Replaces the value of {@code key} if its version is still {@code version}; true if replaced. */
  boolean replace(Table table, String key, long version, byte[] value);

  /** Releases the store; idempotent. */
  @Override
  void close();
}
