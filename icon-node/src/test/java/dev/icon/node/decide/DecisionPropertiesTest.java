package dev.icon.node.decide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.node.decide.Decision.Kind;
import dev.icon.node.decide.NetworkView.Placement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invariants over many seeded random worlds. */
class DecisionPropertiesTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void decisionsAreDeterministicWithinBudgetAndBeatTheHysteresis(long seed) {
    Random r = new Random(seed);
    for (int world = 0; world < 20; world++) {
      int n = 1 + r.nextInt(60);
      int m = 2 + r.nextInt(12);
      List<String> px = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        px.add("pfx" + i);
      }
      List<String> pv = new ArrayList<>();
      for (int p = 0; p < m; p++) {
        pv.add("p" + r.nextInt(1000) + "-" + p);
      }
      ArrayNetworkView v = new ArrayNetworkView(px, pv);
      for (int p = 0; p < m; p++) {
        v.provider(p, r.nextInt(3_000_000), r.nextBoolean() ? 1e9 : r.nextInt(500));
        for (int i = 0; i < n; i++) {
          v.rtt(p, i, r.nextInt(10) == 0 ? Double.NaN : r.nextDouble() * 200);
        }
      }
      for (int i = 0; i < n; i++) {
        v.demand(i, r.nextInt(5) == 0 ? 0 : r.nextDouble() * 30);
      }
      int size = 1 + r.nextInt(Math.min(3, m - 1));
      List<Placement> tree = new ArrayList<>();
      tree.add(new Placement("root", 0, null));
      for (int k = 1; k < size; k++) {
        tree.add(new Placement("c" + k, k, "root"));
      }
      String self = tree.get(r.nextInt(tree.size())).iconId();
      v.tree(self, tree);
      long budgetPerHour = 1 + r.nextInt(10_000_000);
      Objective o = new Objective(1 + r.nextInt(50), budgetPerHour, r.nextDouble() * 2,
          r.nextDouble() * 2, r.nextDouble());
      DecisionConfig c = DecisionConfig.builder().hysteresis(r.nextDouble() * 0.2).build();
      DecisionEngine e = new DecisionEngine(o, c);
      long available = r.nextInt(4) == 0 ? 0 : r.nextInt(100_000_000);
      Decision d = e.decide(v, available, NOW, null);
      assertThat(e.decide(v, available, NOW, null)).as("deterministic").isEqualTo(d);
      if (d.kind() == Kind.MIGRATE || d.kind() == Kind.REPLICATE) {
        assertThat(d.gain()).isGreaterThan(c.hysteresis());
        assertThat(d.chosen().spendPerHourMicros() <= budgetPerHour
            || d.chosen().spendPerHourMicros() <= d.stay().spendPerHourMicros())
            .as("within the hourly budget, or cheaper than now").isTrue();
      }
      if (d.kind() == Kind.REPLICATE) {
        assertThat(d.budgetShareMicros()).isPositive().isLessThanOrEqualTo(available);
        assertThat(d.prefixes()).isNotEmpty();
      }
      if (d.kind() == Kind.TERMINATE) {
        assertThat(self).isNotEqualTo("root");
        assertThat(d.redirectTo()).isEqualTo("root");
      }
      assertThat(Double.isFinite(d.stay().total())).isTrue();
    }
  }
}
