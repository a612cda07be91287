package dev.icon.node.decide;

import java.util.List;

/**
 * What the decision engine sees of the world, indexed for speed: client prefixes {@code 0 ..
 * prefixCount()-1} with their demand, candidate providers {@code 0 .. providerCount()-1} with price
 * and capacity, an RTT estimate for every provider and prefix, and where this ICON's tree runs.
 *
 * <p>The real node backs it with the ingress gateway's demand records, the market's provider
 * announcements and tomography's RTT estimates; the simulator backs it with arrays. The engine
 * reads it only during one {@link DecisionEngine#decide} call, from the calling thread, and calls
 * {@link #rttMs} up to {@code 2 x prefixCount() x providerCount()} times, so implementations
 * should answer from memory.
 */
public interface NetworkView {

  /** How many client prefixes have demand. */
  int prefixCount();

  /** The prefix's name (e.g. {@code 198.51.100.0/24}); used in decisions only. */
  String prefix(int i);

  /** Requests per second from prefix {@code i}; finite and {@code >= 0}. */
  double demandRps(int i);

  /** How many candidate providers there are (including those the tree runs on). */
  int providerCount();

  /** The provider's id (its peer id as text); ties between equal scores go to the smaller id. */
  String providerId(int p);

  /** What running one instance on provider {@code p} costs, micro-units per hour, {@code >= 0}. */
  long pricePerHourMicros(int p);

  /** Requests per second provider {@code p} can take for us; {@code <= 0} rules it out. */
  double capacityRps(int p);

  /**
   * The estimated round-trip time between provider {@code p} and prefix {@code i}, ms; {@code NaN}
   * or infinite when unknown (the engine then counts the cap, {@link DecisionConfig#maxRttFactor()}
   * times the target).
   */
  double rttMs(int p, int i);

  /** This ICON's id. */
  String selfId();

  /**
   * Every running member of this ICON's tree, this ICON included, each once. Members in transit
   * (being deployed, draining) are left out.
   */
  List<Placement> tree();

  /**
   * One running member of the tree.
   *
   * @param iconId the member's id
   * @param provider index of the provider it runs on
   * @param parentId its parent's id, {@code null} for the root (origin)
   */
  record Placement(String iconId, int provider, String parentId) {}
}
