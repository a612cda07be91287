package dev.icon.market.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's rules on a real single-member Atomix ledger (Raft, on disk, loopback), one member
 * for the whole class: a member takes several seconds to start (Raft's election timeout).
 */
class AtomixLedgerTest extends LedgerContract {

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
  void singleMemberListensOnLoopbackOnAPortPickedAtStart() {
    LedgerMember self = ledger.members().get(0);
    assertThat(ledger.members()).hasSize(1);
    assertThat(self.host()).isEqualTo("127.0.0.1");
    assertThat(self.id()).isEqualTo("ledger-1");
    assertThat(self.port()).isPositive();
    assertThat(ledger.partitionLeaders()).containsExactly("ledger-1");
  }
}
