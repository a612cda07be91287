package dev.icon.market.ledger;

import static dev.icon.market.ledger.LedgerContract.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A single-member Atomix ledger closed and reopened (one member per directory, closed means
 * closed), and one that cannot form its cluster.
 */
class AtomixLedgerRestartTest {

  @TempDir Path dir;

  @Test
  void everythingAcknowledgedIsThereAfterReopeningTheDirectory() {
    LedgerConfig config = LedgerConfig.builder().dataDirectory(dir).build();
    try (AtomixLedger ledger = AtomixLedger.open(config)) {
      ledger.putAgreement("a1", bytes("agreement-1"));
      ledger.putAgreement("a2", bytes("agreement-2"));
      ledger.recordReceipt("a1", 42, bytes("receipt-42"));
      ledger.grant("icon-1", 500);
      assertThat(ledger.spend("icon-1", 120)).isTrue();
    }
    AtomixLedger reopened = AtomixLedger.open(config);
    try (AtomixLedger ledger = reopened) {
      assertThatThrownBy(() -> AtomixLedger.open(config).close()) // one member per directory
          .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.error()).isEqualTo(LedgerError.UNAVAILABLE))
          .hasMessageContaining("LedgerConfig.dataDirectory")
          .hasMessageContaining("in use");
      assertThat(ledger.agreement("a1")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("agreement-1")));
      assertThat(ledger.agreement("a2")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("agreement-2")));
      assertThat(ledger.receipt("a1")).contains(new LedgerReceipt("a1", 42, bytes("receipt-42")));
      assertThat(ledger.receipt("a2")).isEmpty();
      assertThat(ledger.budget("icon-1")).isEqualTo(380);
      assertThatThrownBy(() -> ledger.recordReceipt("a1", 41, bytes("receipt-41")))
          .isInstanceOfSatisfying(LedgerException.class,
              e -> assertThat(e.error()).isEqualTo(LedgerError.RECEIPT_BACKWARDS));
      assertThatThrownBy(() -> ledger.putAgreement("a1", bytes("other")))
          .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.error()).isEqualTo(LedgerError.CONFLICT));
    }
    reopened.close();
    assertThatThrownBy(() -> reopened.budget("icon-1"))
        .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.error()).isEqualTo(LedgerError.CLOSED));
  }

  @Test
  void aClusterWithoutQuorumFailsWithinTheStartTimeoutNamingTheMembers() {
    int m2 = FreePorts.pick();
    LedgerConfig lonely = LedgerConfig.builder()
        .memberId("m1")
        .dataDirectory(dir)
        .members(List.of(
            new LedgerMember("m1", "127.0.0.1", FreePorts.pick()),
            new LedgerMember("m2", "127.0.0.1", m2),
            new LedgerMember("m3", "127.0.0.1", FreePorts.pick())))
        .startTimeout(Duration.ofSeconds(5))
        .operationTimeout(Duration.ofSeconds(2))
        .build();
    long start = System.nanoTime();
    assertThatThrownBy(() -> AtomixLedger.open(lonely).close())
        .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.error()).isEqualTo(LedgerError.UNAVAILABLE))
        .hasMessageContaining("m2@127.0.0.1:" + m2)
        .hasMessageContaining("startTimeout");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }
}
