package dev.icon.overlay.kad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.identity.PeerId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Iterative lookups on {@link SimulatedKadNetwork}s of 50, 100 and 200 nodes (k 20, alpha 3,
 * request timeout 1 s, seeded): success rate, hop counts and virtual latency, printed as one line
 * per case, with nodes killed and with misbehaving nodes.
 *
 * <p>findPeer: a FIND_NODE lookup for a live node's id that stops as soon as an answer names it;
 * hops = requests in the chain that led to it (0 if the source already knew it). converge: the
 * same lookup run to convergence, successful if the target is among the k closest that answered.
 */
class LookupSimulationTest {

  private static final int LOOKUPS = 200;

  private record Figures(double findSuccess, double convergeSuccess, List<Integer> hops,
      List<Long> millis, double meanQueries) {}

  @ParameterizedTest(name = "{0} nodes, {1}% dead, {2}% misbehaving, k {3}")
  @CsvSource({
      "50, 0, 0, 20",
      "100, 0, 0, 20",
      "200, 0, 0, 20",
      "50, 20, 0, 20",
      "100, 20, 0, 20",
      "200, 20, 0, 20",
      "200, 0, 10, 20",
      "200, 20, 10, 20",
      "50, 0, 0, 4",
      "100, 0, 0, 4",
      "200, 0, 0, 4",
      "200, 20, 0, 4",
  })
  void lookupsSucceed(int size, int deadPercent, int misbehavingPercent, int k) {
    KadConfig config = KadConfig.forTests().toBuilder().k(k).alpha(Math.min(3, k)).build();
    SimulatedKadNetwork net = new SimulatedKadNetwork(config, 1000L * size + deadPercent);
    net.build(size);
    Random random = new Random(size);
    List<SimulatedKadNetwork.Node> all = new ArrayList<>(net.nodes.values());
    Collections.shuffle(all, random);
    int dead = size * deadPercent / 100;
    int bad = size * misbehavingPercent / 100;
    SimulatedKadNetwork.Behaviour[] kinds = {SimulatedKadNetwork.Behaviour.GARBAGE,
        SimulatedKadNetwork.Behaviour.FAR_PEERS, SimulatedKadNetwork.Behaviour.FAILING};
    for (int i = 0; i < dead + bad; i++) {
      all.get(i).behaviour = i < dead ? SimulatedKadNetwork.Behaviour.DEAD : kinds[i % 3];
    }
    List<SimulatedKadNetwork.Node> honest = all.subList(dead + bad, size);

    Figures f = measure(net, honest, random);
    double tableSize = net.nodes.values().stream().mapToInt(n -> n.table.size()).average()
        .orElse(0);
    System.out.printf("kad-sim k=%d nodes=%d table mean=%.0f dead=%d%% misbehaving=%d%%"
            + " lookups=%d findPeer success=%.1f%%"
            + " converge success=%.1f%% hops mean=%.2f p50=%d p95=%d max=%d"
            + " latency ms p50=%d p95=%d p99=%d max=%d queries mean=%.1f%n",
        k, size, tableSize, deadPercent, misbehavingPercent, LOOKUPS, 100 * f.findSuccess,
        100 * f.convergeSuccess, f.hops.stream().mapToInt(Integer::intValue).average().orElse(0),
        pct(f.hops, 50), pct(f.hops, 95), pct(f.hops, 100), pct(f.millis, 50), pct(f.millis, 95),
        pct(f.millis, 99), pct(f.millis, 100), f.meanQueries);

    assertThat(f.findSuccess).isGreaterThanOrEqualTo(0.99);
    assertThat(f.convergeSuccess).isGreaterThanOrEqualTo(0.99);
    assertThat(pct(f.hops, 95)).isLessThanOrEqualTo(6);
  }

  private static Figures measure(SimulatedKadNetwork net, List<SimulatedKadNetwork.Node> honest,
      Random random) {
    int found = 0;
    int converged = 0;
    long queries = 0;
    List<Integer> hops = new ArrayList<>();
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < LOOKUPS; i++) {
      SimulatedKadNetwork.Node from = honest.get(random.nextInt(honest.size()));
      SimulatedKadNetwork.Node to;
      do {
        to = honest.get(random.nextInt(honest.size()));
      } while (to == from);
      PeerId target = to.id;
      SimulatedKadNetwork.Timed find = net.lookup(from, target.toBytes(), (peer, response) ->
          peer.equals(target) || response.getCloserPeersList().stream()
              .anyMatch(p -> p.getId().equals(com.google.protobuf.ByteString.copyFrom(
                  target.toBytes()))));
      if (find.result().find(target).isPresent()) {
        found++;
        hops.add(find.result().find(target).get().depth());
        millis.add(find.millis());
      }
      queries += find.result().queried();
      SimulatedKadNetwork.Timed full = net.lookup(from, target.toBytes(), LookupHandler.NONE);
      assertThat(full.result().termination()).isEqualTo(LookupResult.Termination.CONVERGED);
      if (full.result().closest().contains(target)) {
        converged++;
      }
    }
    return new Figures((double) found / LOOKUPS, (double) converged / LOOKUPS, hops, millis,
        (double) queries / LOOKUPS);
  }

  private static <T extends Comparable<T>> T pct(List<T> values, int percentile) {
    List<T> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
