package dev.icon.gossip.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven cases; MeshSelectionRandomizedTest checks the invariants on random meshes. */
class MeshSelectionTest {

  private static final GossipConfig CONFIG = GossipConfig.defaults();

  /** Parses "name:score:o|i" items, e.g. "a:1.5:o". */
  static List<MeshCandidate<String>> peers(String spec) {
    List<MeshCandidate<String>> out = new ArrayList<>();
    if (spec.isBlank()) {
      return out;
    }
    for (String item : spec.trim().split("\\s+")) {
      String[] f = item.split(":");
      out.add(new MeshCandidate<>(f[0], Double.parseDouble(f[1]), f[2].equals("o")));
    }
    return out;
  }

  private static Set<String> set(String csv) {
    return csv.isBlank() ? Set.of() : Set.of(csv.split(","));
  }

  @ParameterizedTest(name = "mesh of {0} -> graft {1}")
  @CsvSource({"0,6", "1,5", "4,2", "5,0", "6,0", "12,0", "20,0"})
  void graftDeficitRefillsToD(int meshSize, int expected) {
    assertThat(MeshSelection.graftDeficit(meshSize, CONFIG)).isEqualTo(expected);
  }

  @Test
  void negativeScorePeersArePickedOut() {
    assertThat(MeshSelection.negativeScore(peers("a:1:i b:-0.1:o c:0:i d:-50:i"))).containsExactly("b", "d");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "skips mesh, backoff and negative | a:1:i b:0:o c:-1:i d:2:i e:3:o | a | e | 5 | b,d",
      "fewer eligible than wanted      | a:1:i b:1:i | '' | '' | 6 | a,b",
      "count zero                      | a:1:i b:1:i | '' | '' | 0 | ''",
      "all excluded                    | a:1:i b:1:i | a | b | 3 | ''"})
  void graftChoosesOnlyEligible(String name, String candidates, String mesh, String backoff, int count,
      String expected) {
    Set<String> backedOff = set(backoff);
    List<String> chosen = MeshSelection.selectToGraft(peers(candidates), set(mesh), backedOff::contains, count,
        new Random(1));
    assertThat(chosen).containsExactlyInAnyOrderElementsOf(set(expected));
  }

  @Test
  void graftIsRandomAmongEligible() {
    List<MeshCandidate<String>> candidates = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      candidates.add(new MeshCandidate<>("p" + i, 0, false));
    }
    Set<List<String>> seen = new HashSet<>();
    for (int seed = 0; seed < 10; seed++) {
      List<String> chosen = MeshSelection.selectToGraft(candidates, Set.of(), p -> false, 3, new Random(seed));
      assertThat(chosen).hasSize(3).doesNotHaveDuplicates();
      seen.add(chosen);
    }
    assertThat(seen).hasSizeGreaterThan(5);
  }

  static Stream<Arguments> pruneCases() {
    // 13 peers (> D_high 12); scores 13..1; D=6, D_score=4, D_out=2.
    String inbound = "a:13:i b:12:i c:11:i d:10:i e:9:i f:8:i g:7:i h:6:i i:5:i j:4:i k:3:i l:2:i m:1:i";
    String twoLowOutbound = "a:13:i b:12:i c:11:i d:10:i e:9:i f:8:i g:7:i h:6:i i:5:i j:4:i k:3:i l:2:o m:1:o";
    String oneOutbound = "a:13:i b:12:i c:11:i d:10:i e:9:i f:8:i g:7:i h:6:i i:5:i j:4:i k:3:i l:2:i m:1:o";
    String topOutbound = "a:13:o b:12:o c:11:o d:10:i e:9:i f:8:i g:7:i h:6:i i:5:i j:4:i k:3:i l:2:i m:1:i";
    return Stream.of(
        Arguments.of("all inbound", inbound, "a,b,c,d", 0),
        Arguments.of("two low-scored outbound are kept", twoLowOutbound, "a,b,c,d,l,m", 2),
        Arguments.of("the only outbound is kept", oneOutbound, "a,b,c,d,m", 1),
        Arguments.of("outbound among the best count", topOutbound, "a,b,c,d", 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pruneCases")
  void pruneKeepsDWithBestScoresAndOutboundQuota(String name, String meshSpec, String mustKeep, int minOutbound) {
    List<MeshCandidate<String>> mesh = peers(meshSpec);
    for (int seed = 0; seed < 20; seed++) {
      List<String> pruned = MeshSelection.selectToPrune(mesh, CONFIG, new Random(seed));
      List<MeshCandidate<String>> kept = mesh.stream().filter(c -> !pruned.contains(c.peer())).toList();
      assertThat(kept).hasSize(6);
      assertThat(kept.stream().map(MeshCandidate::peer)).containsAll(set(mustKeep));
      assertThat(kept.stream().filter(MeshCandidate::outbound).count()).isGreaterThanOrEqualTo(minOutbound);
    }
  }

  @ParameterizedTest(name = "mesh of {0}: nothing pruned")
  @CsvSource({"0", "6", "12"})
  void noPruneAtOrBelowDHigh(int size) {
    List<MeshCandidate<String>> mesh = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      mesh.add(new MeshCandidate<>("p" + i, i, false));
    }
    assertThat(MeshSelection.selectToPrune(mesh, CONFIG, new Random(3))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "quota missing two     | a:1:i b:1:i c:1:i d:1:i e:1:i          | x:0:o y:0:o z:0:i w:0:o | 2 | x,y,w",
      "quota missing one     | a:1:o b:1:i c:1:i d:1:i e:1:i          | x:0:o y:0:o z:0:i       | 1 | x,y",
      "quota met             | a:1:o b:1:o c:1:i d:1:i e:1:i          | x:0:o                   | 0 | ''",
      "mesh below D_low      | a:1:i b:1:i c:1:i d:1:i                | x:0:o y:0:o             | 0 | ''",
      "negative outbound     | a:1:i b:1:i c:1:i d:1:i e:1:i          | x:-1:o y:0:o            | 1 | y"})
  void outboundQuotaGraftsOnlyOutbound(String name, String mesh, String candidates, int expectedCount,
      String allowed) {
    List<String> chosen = MeshSelection.selectOutboundToGraft(peers(mesh), peers(candidates), p -> false, CONFIG,
        new Random(5));
    assertThat(chosen).hasSize(expectedCount);
    assertThat(set(allowed)).containsAll(chosen);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "a:5:i                 | 5",
      "a:1:i b:3:i           | 2",
      "a:3:i b:-1:i c:10:i   | 3",
      "a:4:i b:1:i c:2:i d:8:i | 3"})
  void medianScore(String mesh, double expected) {
    assertThat(MeshSelection.medianScore(peers(mesh))).isEqualTo(expected);
  }

  @Test
  void medianOfEmptyMeshIsAnError() {
    assertThatThrownBy(() -> MeshSelection.medianScore(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "median 1 below 2: graft better   | a:0:i b:1:i c:2:i | x:5:i y:1:i z:0.5:i w:3:o | 2 | x,w",
      "median 3 at threshold 3: none    | a:3:i b:3:i c:3:i | x:5:i                   | 0 | ''",
      "one better available             | a:0:i b:0:i c:0:i | x:5:i y:0:i             | 1 | x",
      "excluded better peer is skipped  | a:0:i b:0:i c:0:i | v:5:i x:5:i             | 1 | x",
      "empty mesh: none                 | ''                | x:5:i                   | 0 | ''"})
  void opportunisticGraftTakesPeersAboveMedian(String name, String mesh, String candidates, int expectedCount,
      String allowed) {
    double threshold = name.contains("threshold 3") ? 3 : 2;
    List<String> chosen = MeshSelection.selectOpportunisticGraft(peers(mesh), peers(candidates), "v"::equals,
        threshold, CONFIG, new Random(9));
    assertThat(chosen).hasSize(expectedCount);
    assertThat(set(allowed)).containsAll(chosen);
  }

  @ParameterizedTest(name = "{0} eligible -> {1} targets")
  @CsvSource({"0,0", "4,4", "6,6", "30,7", "100,25"})
  void gossipTargetsUseFactorWithDLazyFloor(int eligible, int expected) {
    List<MeshCandidate<String>> candidates = new ArrayList<>();
    for (int i = 0; i < eligible; i++) {
      candidates.add(new MeshCandidate<>("p" + i, 0, false));
    }
    candidates.add(new MeshCandidate<>("mesh", 0, false));
    candidates.add(new MeshCandidate<>("bad", -100, false));
    List<String> chosen = MeshSelection.selectGossipTargets(candidates, Set.of("mesh"), -10, CONFIG, new Random(2));
    assertThat(chosen).hasSize(expected).doesNotHaveDuplicates().doesNotContain("mesh", "bad");
  }

  @ParameterizedTest(name = "subset of {1} from {0}")
  @CsvSource({"0,3", "5,0", "5,3", "5,5", "5,9", "5,-1"})
  void randomSubsetIsDistinctAndBounded(int size, int count) {
    List<Integer> items = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      items.add(i);
    }
    List<Integer> out = MeshSelection.randomSubset(items, count, new Random(4));
    assertThat(out).hasSize(Math.max(0, Math.min(size, count))).doesNotHaveDuplicates();
    assertThat(items).containsAll(out);
  }

  @Test
  void nanScoreIsRejected() {
    assertThatThrownBy(() -> new MeshCandidate<>("a", Double.NaN, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
