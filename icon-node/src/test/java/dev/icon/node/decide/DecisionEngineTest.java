package dev.icon.node.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.node.decide.Decision.Kind;
import dev.icon.node.decide.NetworkView.Placement;
import dev.icon.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionEngineTest {

  private final MutableClock clock = new MutableClock();
  private final Objective objective = Objective.parse("latency=20ms,budget=5/h");
  private final DecisionEngine engine = new DecisionEngine(objective, DecisionConfig.defaults());
  private static final long PLENTY = 100_000_000;

  @Test
  void demandShiftingToAFarRegionReplicatesThere() {
    World w = new World(5, "eu", "asia").demand("eu", 10).root("p-eu");
    Decision before = engine.decide(w.view, PLENTY, clock.instant(), null);
    assertThat(before.kind()).isEqualTo(Kind.STAY);
    assertThat(before.stay().meanRttMs()).isEqualTo(5.0);

    w.demand("asia", 10);
    Decision after = engine.decide(w.view, PLENTY, clock.instant(), null);
    assertThat(after.kind()).isEqualTo(Kind.REPLICATE);
    assertThat(after.provider()).isEqualTo("p-asia");
    assertThat(after.prefixes()).containsExactly("asia-0", "asia-1", "asia-2", "asia-3", "asia-4");
    assertThat(after.budgetShareMicros()).isEqualTo(PLENTY / 2); // equal prices: half each
    assertThat(after.chosen().meanRttMs()).isEqualTo(5.0);
    assertThat(after.stay().meanRttMs()).isEqualTo(77.5);
    assertThat(after.gain()).isGreaterThan(DecisionConfig.defaults().hysteresis());
  }

  @Test
  void allDemandMovingAwayMigratesInsteadOfPayingForTwo() {
    World w = new World(5, "eu", "asia").demand("asia", 10).root("p-eu");
    Decision d = engine.decide(w.view, PLENTY, clock.instant(), null);
    assertThat(d.kind()).isEqualTo(Kind.MIGRATE);
    assertThat(d.provider()).isEqualTo("p-asia");
    assertThat(d.chosen().spendPerHourMicros()).isEqualTo(World.PRICE);
  }

  @Test
  void coolDownHoldsEveryMoveAfterTheLastOne() {
    World w = new World(5, "eu", "asia").demand("asia", 10).root("p-eu");
    Instant lastMove = clock.instant();
    clock.advance(Duration.ofMinutes(9));
    Decision held = engine.decide(w.view, PLENTY, clock.instant(), lastMove);
    assertThat(held.kind()).isEqualTo(Kind.STAY);
    assertThat(held.reason()).startsWith("cool-down");
    clock.advance(Duration.ofMinutes(1));
    assertThat(engine.decide(w.view, PLENTY, clock.instant(), lastMove).kind())
        .isEqualTo(Kind.MIGRATE);
  }

  @Test
  void noReplicationWhenTheBudgetDoesNotAllow() {
    World w = new World(5, "eu", "asia").demand("eu", 10).demand("asia", 10).root("p-eu");
    // Less than an hour of the edge's price left: the share cannot keep a child running.
    Decision poor = engine.decide(w.view, World.PRICE, clock.instant(), null);
    assertThat(poor.kind()).isNotEqualTo(Kind.REPLICATE);
    // (with one hour's price left it may still migrate: to the cloud, 60 ms for everyone)
    assertThat(poor.kind()).isEqualTo(Kind.MIGRATE);
    assertThat(poor.provider()).isEqualTo(World.CLOUD);
    Decision none = engine.decide(w.view, 0, clock.instant(), null);
    assertThat(none.kind()).isEqualTo(Kind.STAY);
    // Enough money, but the hourly budget (1.5/h) cannot pay for two instances at 1/h.
    DecisionEngine tight = new DecisionEngine(Objective.parse("latency=20ms,budget=1.5/h"),
        DecisionConfig.defaults());
    Decision capped = tight.decide(w.view, PLENTY, clock.instant(), null);
    assertThat(capped.kind()).isNotEqualTo(Kind.REPLICATE);
    assertThat(capped.chosen().spendPerHourMicros()).isLessThanOrEqualTo(1_500_000);
  }

  @Test
  void aChildWhoseParentServesItsPrefixesWithinTargetTerminates() {
    World w = new World(5, "eu", "asia").demand("eu", 10).demand("asia", 1);
    int eu = w.provider("p-eu");
    int asia = w.provider("p-asia");
    // The child serves asia; make the parent (on p-eu) near asia too: 15 ms < 20 ms target.
    w.view.tree("child", List.of(new Placement("root", eu, null),
        new Placement("child", asia, "root")));
    Decision needed = engine.decide(w.view, PLENTY, clock.instant(), null);
    assertThat(needed.kind()).isEqualTo(Kind.STAY);
    for (int k = 0; k < 5; k++) {
      w.view.rtt(eu, 5 + k, 15);
    }
    Decision d = engine.decide(w.view, PLENTY, clock.instant(), null);
    assertThat(d.kind()).isEqualTo(Kind.TERMINATE);
    assertThat(d.redirectTo()).isEqualTo("root");
    assertThat(d.prefixes()).containsExactly("asia-0", "asia-1", "asia-2", "asia-3", "asia-4");
    assertThat(d.chosen().spendPerHourMicros()).isEqualTo(World.PRICE);
  }

  @Test
  void theRootNeverTerminates() {
    World w = new World(5, "eu").root("p-eu");
    assertThat(engine.decide(w.view, PLENTY, clock.instant(), null).kind())
        .isEqualTo(Kind.STAY);
  }

  @Test
  void equalOptionsGoToTheSmallerProviderId() {
    ArrayNetworkView v = new ArrayNetworkView(List.of("x"), List.of("home", "zeta", "alpha"));
    v.demand(0, 5).rtt(0, 0, 100).rtt(1, 0, 5).rtt(2, 0, 5);
    v.tree("root", List.of(new Placement("root", 0, null)));
    Decision d = engine.decide(v, PLENTY, clock.instant(), null);
    assertThat(d.kind()).isEqualTo(Kind.MIGRATE);
    assertThat(d.provider()).isEqualTo("alpha");
  }

  @Test
  void aProviderWithoutCapacityForTheDemandIsNoCandidate() {
    World w = new World(5, "eu", "asia").demand("asia", 10).root("p-eu");
    w.view.provider(w.provider("p-asia"), World.PRICE, 49); // 50 rps would move there
    Decision d = engine.decide(w.view, PLENTY, clock.instant(), null);
    assertThat(d.provider()).isNotEqualTo("p-asia");
  }

  @Test
  void unknownRttCountsAsTheCap() {
    ArrayNetworkView v = new ArrayNetworkView(List.of("x"), List.of("home"));
    v.demand(0, 1).tree("root", List.of(new Placement("root", 0, null)));
    Decision d = engine.decide(v, PLENTY, clock.instant(), null);
    assertThat(d.stay().meanRttMs()).isEqualTo(200.0); // 10 x 20 ms
    assertThat(d.stay().latency()).isEqualTo(10.0);
  }

  @Test
  void anInconsistentViewIsRefusedNamingTheFault() {
    ArrayNetworkView v = new ArrayNetworkView(List.of("x"), List.of("home"));
    v.tree("me", List.of(new Placement("other", 0, null)));
    assertThatThrownBy(() -> engine.decide(v, PLENTY, clock.instant(), null))
        .hasMessageContaining("self me is not in the tree");
    v.tree("me", List.of(new Placement("me", 3, null)));
    assertThatThrownBy(() -> engine.decide(v, PLENTY, clock.instant(), null))
        .hasMessageContaining("names provider 3");
  }

  @Test
  void theScoreBreakdownAddsUp() {
    World w = new World(5, "eu", "asia").demand("eu", 10).demand("asia", 10).root("p-eu");
    Decision d = engine.decide(w.view, PLENTY, clock.instant(), null);
    Score s = d.chosen();
    assertThat(s.total()).isCloseTo(objective.wLatency() * s.latency()
        + objective.wCost() * s.cost() + objective.wMoves() * s.moves(),
        org.assertj.core.data.Offset.offset(1e-12));
    assertThat(d.stay().latency()).isCloseTo((10 * 5 * 20 + 10 * 5 * 150) / (100.0 * 20),
        org.assertj.core.data.Offset.offset(1e-12));
    assertThat(d.stay().cost()).isEqualTo(0.2);
  }
}
