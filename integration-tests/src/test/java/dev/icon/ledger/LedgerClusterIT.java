package dev.icon.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Atomix ledger on a real 3-member Raft cluster, each member a JVM of its own on loopback:
 * concurrent spending through all three members never overspends; acknowledged agreements and
 * receipts survive kill -9 of a member (writes going on meanwhile), its restart from its data
 * directory, and then the loss of another member (so the restarted one must hold them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerClusterIT {

  private LedgerCluster cluster;

  @BeforeAll
  void startCluster(@TempDir Path root) {
    cluster = new LedgerCluster(root, 3).start();
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void concurrentSpendingFromEveryMemberNeverOverspends() {
    long granted = 1_000;
    long amount = 7;
    assertThat(cluster.member(0).call("grant race " + granted)).isEqualTo(String.valueOf(granted));
    List<CompletableFuture<String>> results = new ArrayList<>();
    for (int i = 0; i < cluster.size(); i++) {
      LedgerMemberProcess m = cluster.member(i);
      // 3 members x 80 spends of 7 ask for 1,680: far more than granted
      results.add(CompletableFuture.supplyAsync(() -> m.call("spendmany race " + amount + " 80 4")));
    }
    long spent = 0;
    for (CompletableFuture<String> r : results) {
      String[] counts = r.join().split(" ");
      assertThat(Long.parseLong(counts[2])).as("spends with an unknown outcome").isZero();
      spent += Long.parseLong(counts[0]) * amount;
    }
    for (int i = 0; i < cluster.size(); i++) {
      long left = Long.parseLong(cluster.member(i).call("budget race"));
      assertThat(left).as("budget seen by m%d", i + 1).isEqualTo(granted - spent).isBetween(0L, amount - 1);
    }
  }

  @Test
  @Order(2)
  void acknowledgedWritesSurviveKillNineOfTheLeaderAndItsRestart() throws Exception {
    AcknowledgedWrites acked = new AcknowledgedWrites();
    for (int n = 0; n < 9; n++) {
      acked.writeAgreementWithReceipts(cluster.member(n % 3), "before-" + n);
    }
    // The victim is the ledger partition's Raft leader, so its death forces an election.
    String leader = await().atMost(Duration.ofSeconds(30))
        .until(() -> cluster.member(0).call("leader"), id -> !id.equals("NONE"));
    int victim = Integer.parseInt(leader.substring(1)) - 1;
    int other1 = (victim + 1) % 3;
    int other2 = (victim + 2) % 3;
    AtomicBoolean stop = new AtomicBoolean();
    Semaphore permits = new Semaphore(0);
    CompletableFuture<Void> w1 = CompletableFuture.runAsync(
        () -> acked.writeWithPermits(cluster.member(other1), "w1", permits, stop));
    CompletableFuture<Void> w2 = CompletableFuture.runAsync(
        () -> acked.writeWithPermits(cluster.member(other2), "w2", permits, stop));
    try {
      int start = acked.attempts();
      permits.release(40);
      await().atMost(Duration.ofSeconds(30)).until(() -> acked.attempts() >= start + 15);
      long killed = cluster.member(victim).pid();
      cluster.kill(victim); // while writes are going on through the two others
      assertThat(ProcessHandle.of(killed)).isEmpty();
      await().atMost(Duration.ofSeconds(60)).until(() -> acked.attempts() >= start + 40);
      cluster.restart(victim);
      permits.release(20);
      await().atMost(Duration.ofSeconds(60)).until(() -> acked.attempts() >= start + 60);
    } finally {
      stop.set(true);
      CompletableFuture.allOf(w1, w2).get();
    }
    for (int i = 0; i < 3; i++) {
      acked.assertAllPresentOn(cluster.member(i));
    }
    // The victim lost its process mid-stream and came back: with another member gone as well,
    // the victim and the last one are the quorum, so whatever they serve now the victim holds.
    cluster.kill(other1);
    acked.assertAllPresentOn(cluster.member(victim));
    acked.assertAllPresentOn(cluster.member(other2));
    assertThat(acked.attempts()).isEqualTo(69);
    assertThat(acked.agreements()).as("acknowledged despite the election").isGreaterThanOrEqualTo(49);
    System.out.printf("ledger cluster: leader %s killed; %d agreements acknowledged and found on every member,"
        + " %d writes unacknowledged during the failover%n", leader, acked.agreements(), acked.unacknowledged.get());
  }
}
