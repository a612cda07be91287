package dev.icon.market.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InMemoryLedgerTest extends LedgerContract {

  private InMemoryLedger ledger;

  @BeforeEach
  void open() {
    ledger = new InMemoryLedger();
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  @Override
  Ledger ledger() {
    return ledger;
  }

  @Test
  void callsAfterCloseFailAsClosed() {
    ledger.close();
    ledger.close();
    assertThatThrownBy(() -> ledger.budget("x"))
        .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.error()).isEqualTo(LedgerError.CLOSED));
  }
}
