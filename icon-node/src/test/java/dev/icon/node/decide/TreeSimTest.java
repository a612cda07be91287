package dev.icon.node.decide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.node.decide.NetworkView.Placement;
import dev.icon.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A whole tree, every member deciding with its own loop over one shared world, the way the
 * simulator will drive it: under steady noisy demand no member makes more than one move in any
 * simulated hour once settled, replicas and terminations do not chase each other, and the hourly
 * budget holds.
 */
class TreeSimTest {

  /** One member's view: the shared world, this member as self, the shared placements. */
  private record SelfView(ArrayNetworkView world, String self, List<Placement> tree)
      implements NetworkView {
    public int prefixCount() { return world.prefixCount(); }
    public String prefix(int i) { return world.prefix(i); }
    public double demandRps(int i) { return world.demandRps(i); }
    public int providerCount() { return world.providerCount(); }
    public String providerId(int p) { return world.providerId(p); }
    public long pricePerHourMicros(int p) { return world.pricePerHourMicros(p); }
    public double capacityRps(int p) { return world.capacityRps(p); }
    public double rttMs(int p, int i) { return world.rttMs(p, i); }
    public String selfId() { return self; }
    public List<Placement> tree() { return List.copyOf(tree); }
  }

  private final MutableClock clock = new MutableClock();
  private final List<Placement> tree = new ArrayList<>();
  private final Map<String, DecisionLoop> loops = new LinkedHashMap<>();
  private final Map<String, Integer> moves = new LinkedHashMap<>();
  private ArrayNetworkView world;
  private DecisionEngine engine;
  private int next;

  private void spawn(String id, int provider, String parent, long budget) {
    tree.add(new Placement(id, provider, parent));
    Budget b = new Budget(budget);
    DecisionLoop[] self = new DecisionLoop[1];
    Actuator act = new Actuator() {
      public void migrate(Decision d) {
        count(id);
        int at = indexOf(id);
        Placement p = tree.get(at);
        tree.set(at, new Placement(id, world.providerIndex(d.provider()), p.parentId()));
        self[0].completed(true);
      }

      public void replicate(Decision d) {
        count(id);
        spawn("icon-" + (++next), world.providerIndex(d.provider()), id, d.budgetShareMicros());
        self[0].completed(true);
      }

      public void terminate(Decision d) {
        count(id);
        tree.remove(indexOf(id));
        // Children of the terminated member re-attach to its parent.
        for (int k = 0; k < tree.size(); k++) {
          Placement c = tree.get(k);
          if (id.equals(c.parentId())) {
            tree.set(k, new Placement(c.iconId(), c.provider(), d.redirectTo()));
          }
        }
        self[0].completed(true);
      }

      public void stopSpending(String reason) {}
    };
    self[0] = new DecisionLoop(engine, clock, new SelfView(world, id, tree), act, b,
        new LifecycleMachine());
    self[0].activate();
    loops.put(id, self[0]);
  }

  private void count(String id) {
    moves.merge(id, 1, Integer::sum);
  }

  private int indexOf(String id) {
    for (int k = 0; k < tree.size(); k++) {
      if (tree.get(k).iconId().equals(id)) {
        return k;
      }
    }
    throw new IllegalStateException(id);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void aWholeTreeSettlesAndStaysWithinBudget(long seed) {
    Random r = new Random(seed);
    int prefixes = 300;
    int providers = 30;
    List<String> px = new ArrayList<>();
    for (int i = 0; i < prefixes; i++) {
      px.add("pfx-" + i);
    }
    List<String> pv = new ArrayList<>();
    for (int p = 0; p < providers; p++) {
      pv.add(String.format("p%02d", p));
    }
    world = new ArrayNetworkView(px, pv);
    double[][] xy = new double[prefixes + providers][];
    for (int k = 0; k < xy.length; k++) {
      xy[k] = new double[] {r.nextDouble() * 100, r.nextDouble() * 100};
    }
    double[][] base = new double[providers][prefixes];
    double[] demand = new double[prefixes];
    for (int p = 0; p < providers; p++) {
      world.provider(p, 200_000 + r.nextInt(800_000), 1e9);
      for (int i = 0; i < prefixes; i++) {
        base[p][i] = 2 + Math.hypot(xy[prefixes + p][0] - xy[i][0],
            xy[prefixes + p][1] - xy[i][1]);
      }
    }
    for (int i = 0; i < prefixes; i++) {
      demand[i] = 1 + r.nextInt(20);
    }
    long budgetPerHour = 4_000_000;
    engine = new DecisionEngine(new Objective(20, budgetPerHour, 1, 0.5, 0.1),
        DecisionConfig.defaults());
    spawn("root", 0, null, 1_000_000_000L);
    int warmup = 4 * 60;
    Map<String, int[]> perHour = new LinkedHashMap<>();
    for (int minute = -warmup; minute < 24 * 60; minute++) {
      for (int i = 0; i < prefixes; i++) {
        world.demand(i, demand[i] * (0.8 + 0.4 * r.nextDouble()));
        for (int p = 0; p < providers; p++) {
          world.rtt(p, i, base[p][i] * (0.9 + 0.2 * r.nextDouble()));
        }
      }
      for (Map.Entry<String, DecisionLoop> e : new ArrayList<>(loops.entrySet())) {
        if (e.getValue().state() != Lifecycle.ACTIVE) {
          continue;
        }
        int before = moves.getOrDefault(e.getKey(), 0);
        e.getValue().tick();
        int made = moves.getOrDefault(e.getKey(), 0) - before;
        if (minute >= 0 && made > 0) {
          perHour.computeIfAbsent(e.getKey(), k -> new int[24])[minute / 60] += made;
        }
      }
      long spend = 0;
      for (Placement p : tree) {
        spend += world.pricePerHourMicros(p.provider());
      }
      assertThat(spend).as("the tree's spend per hour at minute %d", minute)
          .isLessThanOrEqualTo(budgetPerHour);
      clock.advance(Duration.ofMinutes(1));
    }
    perHour.forEach((icon, hours) -> {
      for (int h = 0; h < 24; h++) {
        assertThat(hours[h]).as("moves of %s in hour %d (seed %d)", icon, h, seed)
            .isLessThanOrEqualTo(1);
      }
    });
    int steadyMoves = perHour.values().stream().mapToInt(h -> java.util.Arrays.stream(h).sum())
        .sum();
    assertThat(steadyMoves).as("moves of the whole tree in 24 steady hours").isLessThanOrEqualTo(4);
    assertThat(tree.size()).as("it did replicate").isGreaterThan(1);
  }
}
