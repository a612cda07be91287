package dev.icon.gossip.router;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The heartbeat's mesh decisions (gossipsub v1.0/v1.1) as pure functions: inputs are candidate lists
 * with scores and connection directions, a config and a random generator; outputs are the peers to
 * GRAFT or PRUNE. Nothing is mutated. Stateless and thread-safe (the generator is the caller's).
 *
 * <p>The heartbeat applies them per topic in this order: drop {@link #negativeScore} peers; if the
 * mesh is below D_low, {@link #selectToGraft} {@link #graftDeficit} peers; if above D_high,
 * {@link #selectToPrune}; then, on the resulting mesh, {@link #selectOutboundToGraft}; every
 * {@code opportunisticGraftTicks} heartbeats, {@link #selectOpportunisticGraft}.
 *
 * <p>"Excluded" predicates carry what the router knows and this class does not: peers in backoff
 * for the topic, direct peers, peers that do not speak gossipsub.
 */
public final class MeshSelection {

  private MeshSelection() {}

  /** Peers to graft to refill a mesh of {@code meshSize}: D - size when below D_low, else 0. */
  public static int graftDeficit(int meshSize, GossipConfig config) {
    return meshSize < config.dLow() ? config.d() - meshSize : 0;
  }

  /** Mesh members with a negative score; the heartbeat prunes them first. */
  public static <P> List<P> negativeScore(Collection<MeshCandidate<P>> mesh) {
    List<P> out = new ArrayList<>();
    for (MeshCandidate<P> c : mesh) {
      if (c.score() < 0) {
        out.add(c.peer());
      }
    }
    return out;
  }

  /**
   * Up to {@code count} peers chosen uniformly at random among the candidates that are not in the
   * mesh, not excluded (backoff, direct) and have a non-negative score.
   */
  public static <P> List<P> selectToGraft(Collection<MeshCandidate<P>> candidates, Set<P> mesh,
      Predicate<P> excluded, int count, RandomGenerator random) {
    List<P> eligible = new ArrayList<>();
    for (MeshCandidate<P> c : candidates) {
      if (c.score() >= 0 && !mesh.contains(c.peer()) && !excluded.test(c.peer())) {
        eligible.add(c.peer());
      }
    }
    return randomSubset(eligible, count, random);
  }

  /**
   * Outbound quota (v1.1): when the mesh holds at least D_low peers but fewer than D_out outbound
   * ones, up to the missing number of outbound eligible candidates, chosen at random.
   */
  public static <P> List<P> selectOutboundToGraft(Collection<MeshCandidate<P>> mesh,
      Collection<MeshCandidate<P>> candidates, Predicate<P> excluded, GossipConfig config,
      RandomGenerator random) {
    if (mesh.size() < config.dLow()) {
      return List.of();
    }
    int outbound = (int) mesh.stream().filter(MeshCandidate::outbound).count();
    if (outbound >= config.dOut()) {
      return List.of();
    }
    Set<P> members = peersOf(mesh);
    List<MeshCandidate<P>> outboundCandidates = candidates.stream().filter(MeshCandidate::outbound).toList();
    return selectToGraft(outboundCandidates, members, excluded, config.dOut() - outbound, random);
  }

  /**
   * Oversubscription (v1.1): when the mesh exceeds D_high, the peers to prune so that D remain:
   * the D_score best scored are kept (ties broken at random), the rest of the D at random; then, if
   * fewer than D_out outbound peers are kept, pruned outbound peers replace kept inbound ones,
   * random picks first, then the lowest scored. When D_score + D_out <= D (as with the defaults) the
   * D_score best are always kept.
   *
   * @return peers to prune, empty if the mesh is at most D_high
   */
  public static <P> List<P> selectToPrune(Collection<MeshCandidate<P>> mesh, GossipConfig config,
      RandomGenerator random) {
    if (mesh.size() <= config.dHigh()) {
      return List.of();
    }
    int d = config.d();
    List<MeshCandidate<P>> sorted = new ArrayList<>(mesh);
    shuffle(sorted, random);
    sorted.sort(Comparator.comparingDouble((MeshCandidate<P> c) -> c.score()).reversed());
    int byScore = Math.min(config.dScore(), d);
    List<MeshCandidate<P>> keep = new ArrayList<>(sorted.subList(0, byScore));
    List<MeshCandidate<P>> rest = new ArrayList<>(sorted.subList(byScore, sorted.size()));
    shuffle(rest, random);
    keep.addAll(rest.subList(0, d - byScore));
    List<MeshCandidate<P>> pruned = new ArrayList<>(rest.subList(d - byScore, rest.size()));

    int outboundKept = (int) keep.stream().filter(MeshCandidate::outbound).count();
    for (int i = 0; i < pruned.size() && outboundKept < config.dOut(); i++) {
      MeshCandidate<P> candidate = pruned.get(i);
      if (!candidate.outbound()) {
        continue;
      }
      int victim = lastInbound(keep);
      if (victim < 0) {
        break;
      }
      pruned.set(i, keep.get(victim));
      keep.set(victim, candidate);
      outboundKept++;
    }
    List<P> out = new ArrayList<>(pruned.size());
    for (MeshCandidate<P> c : pruned) {
      out.add(c.peer());
    }
    return out;
  }

  /**
   * Opportunistic grafting (v1.1): if the median score of the mesh is below {@code threshold}, up to
   * {@code config.opportunisticGraftPeers()} random eligible candidates (not in the mesh, not
   * excluded) whose score is above that median.
   */
  public static <P> List<P> selectOpportunisticGraft(Collection<MeshCandidate<P>> mesh,
      Collection<MeshCandidate<P>> candidates, Predicate<P> excluded, double threshold,
      GossipConfig config, RandomGenerator random) {
    if (mesh.isEmpty()) {
      return List.of();
    }
    double median = medianScore(mesh);
    if (median >= threshold) {
      return List.of();
    }
    Set<P> members = peersOf(mesh);
    List<P> better = new ArrayList<>();
    for (MeshCandidate<P> c : candidates) {
      if (c.score() > median && !members.contains(c.peer()) && !excluded.test(c.peer())) {
        better.add(c.peer());
      }
    }
    return randomSubset(better, config.opportunisticGraftPeers(), random);
  }

  /**
   * Gossip emission targets (v1.1 adaptive gossip): among candidates not in {@code exclude} (the
   * topic's mesh and fanout, direct peers) with a score of at least {@code gossipThreshold}, a random
   * {@link GossipConfig#gossipTargets(int)} of them.
   */
  public static <P> List<P> selectGossipTargets(Collection<MeshCandidate<P>> candidates, Set<P> exclude,
      double gossipThreshold, GossipConfig config, RandomGenerator random) {
    List<P> eligible = new ArrayList<>();
    for (MeshCandidate<P> c : candidates) {
      if (c.score() >= gossipThreshold && !exclude.contains(c.peer())) {
        eligible.add(c.peer());
      }
    }
    return randomSubset(eligible, config.gossipTargets(eligible.size()), random);
  }

  /** Median of the scores (mean of the two middle ones for an even count). Mesh must be non-empty. */
  public static <P> double medianScore(Collection<MeshCandidate<P>> mesh) {
    if (mesh.isEmpty()) {
      throw new IllegalArgumentException("median of an empty mesh");
    }
    double[] scores = mesh.stream().mapToDouble(MeshCandidate::score).sorted().toArray();
    int mid = scores.length / 2;
    return scores.length % 2 == 1 ? scores[mid] : (scores[mid - 1] + scores[mid]) / 2;
  }

  /** {@code min(count, size)} distinct elements of {@code items}, uniformly at random. */
  public static <P> List<P> randomSubset(Collection<P> items, int count, RandomGenerator random) {
    List<P> copy = new ArrayList<>(items);
    int n = Math.max(0, Math.min(count, copy.size()));
    // Partial Fisher-Yates: the first n slots end up a uniform random sample.
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(copy.size() - i);
      P tmp = copy.get(i);
      copy.set(i, copy.get(j));
      copy.set(j, tmp);
    }
    return new ArrayList<>(copy.subList(0, n));
  }

  private static <T> void shuffle(List<T> list, RandomGenerator random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T tmp = list.get(i);
      list.set(i, list.get(j));
      list.set(j, tmp);
    }
  }

  private static <P> int lastInbound(List<MeshCandidate<P>> keep) {
    for (int i = keep.size() - 1; i >= 0; i--) {
      if (!keep.get(i).outbound()) {
        return i;
      }
    }
    return -1;
  }

  private static <P> Set<P> peersOf(Collection<MeshCandidate<P>> mesh) {
    Set<P> out = new HashSet<>();
    for (MeshCandidate<P> c : mesh) {
      out.add(c.peer());
    }
    return out;
  }
}
