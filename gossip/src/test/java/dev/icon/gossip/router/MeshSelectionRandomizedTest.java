package dev.icon.gossip.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded randomized checks of the mesh invariants (in place of jqwik properties): each seed builds
 * a random valid config and random meshes, with tied scores and mixed directions.
 */
class MeshSelectionRandomizedTest {

  static Stream<Long> seeds() {
    return LongStream.range(0, 500).boxed();
  }

  /** A random valid config; with {@code scoreFitsWithOutbound} D_score + D_out <= D holds. */
  private static GossipConfig randomConfig(Random r, boolean scoreFitsWithOutbound) {
    int d = 2 + r.nextInt(10);
    int dLow = 1 + r.nextInt(d);
    int dHigh = d + r.nextInt(d + 1);
    int dOut = r.nextInt(Math.min(dLow - 1, d / 2) + 1);
    int dScore = scoreFitsWithOutbound ? r.nextInt(d - dOut + 1) : r.nextInt(dHigh + 1);
    return GossipConfig.builder().d(d).dLow(dLow).dHigh(dHigh).dOut(dOut).dScore(dScore).build();
  }

  private static List<MeshCandidate<String>> randomPeers(Random r, String prefix, int n) {
    double outboundShare = r.nextDouble();
    List<MeshCandidate<String>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // Few distinct score values, so ties are common; some negative.
      double score = r.nextInt(7) - 2 + (r.nextBoolean() ? 0 : 0.5);
      out.add(new MeshCandidate<>(prefix + i, score, r.nextDouble() < outboundShare));
    }
    return out;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void pruneKeepsExactlyDWithOutboundQuotaAndBestScores(long seed) {
    Random r = new Random(seed);
    boolean fits = r.nextInt(4) != 0;
    GossipConfig config = randomConfig(r, fits);
    List<MeshCandidate<String>> mesh = randomPeers(r, "m", config.dHigh() + 1 + r.nextInt(30));

    List<String> pruned = MeshSelection.selectToPrune(mesh, config, new Random(seed * 31 + 7));

    assertThat(pruned).doesNotHaveDuplicates();
    assertThat(mesh.stream().map(MeshCandidate::peer)).containsAll(pruned);
    List<MeshCandidate<String>> kept = mesh.stream().filter(c -> !pruned.contains(c.peer())).toList();
    assertThat(kept).as("mesh size after pruning").hasSize(config.d());
    long outboundAvailable = mesh.stream().filter(MeshCandidate::outbound).count();
    assertThat(kept.stream().filter(MeshCandidate::outbound).count())
        .as("outbound kept").isGreaterThanOrEqualTo(Math.min(config.dOut(), outboundAvailable));
    if (fits) {
      assertThat(topScores(kept, config.dScore())).as("the D_score best are kept")
          .isEqualTo(topScores(mesh, config.dScore()));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void graftNeverPicksBackoffNegativeOrMeshPeers(long seed) {
    Random r = new Random(seed);
    List<MeshCandidate<String>> candidates = randomPeers(r, "c", r.nextInt(40));
    Set<String> mesh = new HashSet<>();
    Set<String> backoff = new HashSet<>();
    for (MeshCandidate<String> c : candidates) {
      int roll = r.nextInt(4);
      if (roll == 0) {
        mesh.add(c.peer());
      } else if (roll == 1) {
        backoff.add(c.peer());
      }
    }
    int count = r.nextInt(12);

    List<String> chosen = MeshSelection.selectToGraft(candidates, mesh, backoff::contains, count, r);

    long eligible = candidates.stream()
        .filter(c -> c.score() >= 0 && !mesh.contains(c.peer()) && !backoff.contains(c.peer())).count();
    assertThat(chosen).hasSize((int) Math.min(count, eligible)).doesNotHaveDuplicates();
    for (String p : chosen) {
      assertThat(mesh).doesNotContain(p);
      assertThat(backoff).doesNotContain(p);
      assertThat(scoreOf(candidates, p)).isNotNegative();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void heartbeatSequenceLandsWithinBoundsAndMeetsQuota(long seed) {
    Random r = new Random(seed);
    GossipConfig config = randomConfig(r, true);
    List<MeshCandidate<String>> mesh = new ArrayList<>(randomPeers(r, "m", r.nextInt(3 * config.dHigh() + 2)));
    List<MeshCandidate<String>> others = randomPeers(r, "o", r.nextInt(30));
    Set<String> backoff = new HashSet<>();
    others.stream().filter(c -> r.nextInt(5) == 0).forEach(c -> backoff.add(c.peer()));

    mesh.removeIf(c -> c.score() < 0);
    Set<String> members = new HashSet<>();
    mesh.forEach(c -> members.add(c.peer()));
    for (String p : MeshSelection.selectToGraft(others, members, backoff::contains,
        MeshSelection.graftDeficit(mesh.size(), config), r)) {
      mesh.add(find(others, p));
    }
    List<String> pruned = MeshSelection.selectToPrune(mesh, config, r);
    mesh.removeIf(c -> pruned.contains(c.peer()));
    members.clear();
    mesh.forEach(c -> members.add(c.peer()));
    for (String p : MeshSelection.selectOutboundToGraft(mesh, others, backoff::contains, config, r)) {
      assertThat(find(others, p).outbound()).isTrue();
      assertThat(members.add(p)).as("grafted peer was not in the mesh").isTrue();
      mesh.add(find(others, p));
    }

    assertThat(mesh).allSatisfy(c -> {
      assertThat(c.score()).isNotNegative();
      assertThat(backoff).doesNotContain(c.peer());
    });
    assertThat(mesh.size()).isLessThanOrEqualTo(config.dHigh() + config.dOut());
    long outbound = mesh.stream().filter(MeshCandidate::outbound).count();
    long eligibleOutbound = Stream.concat(mesh.stream(), others.stream())
        .filter(c -> c.outbound() && c.score() >= 0 && !backoff.contains(c.peer()))
        .map(MeshCandidate::peer).distinct().count();
    if (mesh.size() >= config.dLow()) {
      assertThat(outbound).isGreaterThanOrEqualTo(Math.min(config.dOut(), eligibleOutbound));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void opportunisticGraftOnlyBeatsTheMedian(long seed) {
    Random r = new Random(seed);
    List<MeshCandidate<String>> mesh = randomPeers(r, "m", 1 + r.nextInt(12));
    List<MeshCandidate<String>> others = randomPeers(r, "o", r.nextInt(20));
    double threshold = r.nextInt(6) - 1;
    GossipConfig config = GossipConfig.builder().opportunisticGraftPeers(r.nextInt(4)).build();

    List<String> chosen = MeshSelection.selectOpportunisticGraft(mesh, others, p -> false, threshold, config, r);

    double median = MeshSelection.medianScore(mesh);
    assertThat(chosen).hasSizeLessThanOrEqualTo(config.opportunisticGraftPeers()).doesNotHaveDuplicates();
    if (median >= threshold) {
      assertThat(chosen).isEmpty();
    }
    for (String p : chosen) {
      assertThat(scoreOf(others, p)).isGreaterThan(median);
    }
  }

  private static List<Double> topScores(List<MeshCandidate<String>> peers, int n) {
    return peers.stream().map(MeshCandidate::score).sorted(Comparator.reverseOrder()).limit(n).toList();
  }

  private static double scoreOf(List<MeshCandidate<String>> peers, String p) {
    return find(peers, p).score();
  }

  private static MeshCandidate<String> find(List<MeshCandidate<String>> peers, String p) {
    return peers.stream().filter(c -> c.peer().equals(p)).findFirst().orElseThrow();
  }

}
