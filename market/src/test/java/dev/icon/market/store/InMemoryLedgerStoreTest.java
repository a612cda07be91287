package dev.icon.market.store;

import dev.icon.market.ledger.InMemoryLedger;
import dev.icon.market.ledger.Ledger;

/** The ledger adapters on an {@link InMemoryLedger}. */
class InMemoryLedgerStoreTest extends LedgerStoreContract {

  private final InMemoryLedger ledger = new InMemoryLedger();

  @Override
  Ledger ledger() {
    return ledger;
  }
}
