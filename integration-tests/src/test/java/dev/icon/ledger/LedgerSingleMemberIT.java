package dev.icon.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default deployment, a single embedded member in its own JVM: kill -9 while it writes,
 * restart from the same data directory, and everything acknowledged is there, budgets included.
 */
class LedgerSingleMemberIT {

  @TempDir Path root;

  @Test
  void acknowledgedWritesSurviveKillNineAndRestart() throws Exception {
    try (LedgerCluster single = new LedgerCluster(root, 1).start()) {
      LedgerMemberProcess member = single.member(0);
      AcknowledgedWrites acked = new AcknowledgedWrites();
      assertThat(member.call("grant icon-1 500")).isEqualTo("500");
      assertThat(member.call("spend icon-1 120")).isEqualTo("true");
      assertThat(member.call("spend icon-1 400")).isEqualTo("false");
      AtomicBoolean stop = new AtomicBoolean();
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> acked.writeUntil(member, "w", stop));
      await().atMost(Duration.ofSeconds(30)).until(() -> acked.agreements() >= 20);
      single.kill(0); // while the writer is mid-call: its last write is unacknowledged
      stop.set(true);
      try {
        writer.get();
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(AssertionError.class).hasMessageContaining("m1");
      }

      LedgerMemberProcess again = single.restart(0);
      acked.assertAllPresentOn(again);
      assertThat(again.call("budget icon-1")).isEqualTo("380");
      assertThat(again.call("spend icon-1 381")).isEqualTo("false");
      assertThat(again.call("spend icon-1 380")).isEqualTo("true");
    }
  }
}
