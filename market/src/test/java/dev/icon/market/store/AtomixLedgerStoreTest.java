package dev.icon.market.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.market.ledger.AtomixLedger;
import dev.icon.market.ledger.Ledger;
import dev.icon.market.ledger.LedgerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger adapters on a real single-member {@link AtomixLedger} (Raft on disk, loopback), one
 * member for the class (a member takes seconds to start).
 */
class AtomixLedgerStoreTest extends LedgerStoreContract {

  @TempDir static Path dir;
  private static AtomixLedger ledger;

  @BeforeAll
  static void open() {
    ledger = AtomixLedger.open(LedgerConfig.builder().dataDirectory(dir).build());
  }

  @AfterAll
  static void close() {
    if (ledger != null) {
      ledger.close();
    }
  }

  @Override
  Ledger ledger() {
    return ledger;
  }

  @Test
  void runsOnOneRaftMember() {
    assertThat(ledger.members()).hasSize(1);
  }
}
