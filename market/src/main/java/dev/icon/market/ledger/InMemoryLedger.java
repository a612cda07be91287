package dev.icon.market.ledger;

/**
 * A {@link Ledger} in this JVM's memory, for tests and simulation: the same rules as
 * {@link AtomixLedger} (they share their code), nothing durable. Thread-safe; never times out.
 */
public final class InMemoryLedger extends VersionedLedger {

  /** An empty ledger. */
  public InMemoryLedger() {
    super(new MemoryStore());
  }
}
