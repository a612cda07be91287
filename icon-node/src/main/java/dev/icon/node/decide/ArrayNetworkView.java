package dev.icon.node.decide;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A {@link NetworkView} over plain arrays, for the simulator, benchmarks and tests: RTTs in one
 * provider-major {@code float} matrix, demand, prices and capacities in arrays, the tree as a list.
 * Setters change it in place between decisions.
 *
 * <p>Threading: not thread-safe; a single owner updates it between decisions.
 */
public final class ArrayNetworkView implements NetworkView {

  private final String[] prefixes;
  private final String[] providers;
  private final double[] demand;
  private final long[] price;
  private final double[] capacity;
  private final float[] rtt;
  private final List<Placement> tree = new ArrayList<>();
  private String selfId;

  /** A view of these prefixes and providers, with no demand, price 0, capacity unlimited, RTT unknown. */
  public ArrayNetworkView(List<String> prefixes, List<String> providers) {
    this.prefixes = prefixes.toArray(String[]::new);
    this.providers = providers.toArray(String[]::new);
    this.demand = new double[this.prefixes.length];
    this.price = new long[this.providers.length];
    this.capacity = new double[this.providers.length];
    Arrays.fill(capacity, Double.POSITIVE_INFINITY);
    this.rtt = new float[this.prefixes.length * this.providers.length];
    Arrays.fill(rtt, Float.NaN);
  }

  /** Sets prefix {@code i}'s demand, requests per second. */
  public ArrayNetworkView demand(int i, double rps) {
    demand[i] = rps;
    return this;
  }

  /** Sets provider {@code p}'s price (micros per hour) and capacity (requests per second). */
  public ArrayNetworkView provider(int p, long pricePerHourMicros, double capacityRps) {
    price[p] = pricePerHourMicros;
    capacity[p] = capacityRps;
    return this;
  }

  /** Sets the RTT between provider {@code p} and prefix {@code i}, ms. */
  public ArrayNetworkView rtt(int p, int i, double ms) {
    rtt[p * prefixes.length + i] = (float) ms;
    return this;
  }

  /** Replaces the tree and names this ICON. */
  public ArrayNetworkView tree(String selfId, List<Placement> placements) {
    this.selfId = Objects.requireNonNull(selfId, "selfId");
    tree.clear();
    tree.addAll(placements);
    return this;
  }

  /** The index of provider {@code id}, or -1. */
  public int providerIndex(String id) {
    for (int p = 0; p < providers.length; p++) {
      if (providers[p].equals(id)) {
        return p;
      }
    }
    return -1;
  }

  @Override
  public int prefixCount() {
    return prefixes.length;
  }

  @Override
  public String prefix(int i) {
    return prefixes[i];
  }

  @Override
  public double demandRps(int i) {
    return demand[i];
  }

  @Override
  public int providerCount() {
    return providers.length;
  }

  @Override
  public String providerId(int p) {
    return providers[p];
  }

  @Override
  public long pricePerHourMicros(int p) {
    return price[p];
  }

  @Override
  public double capacityRps(int p) {
    return capacity[p];
  }

  @Override
  public double rttMs(int p, int i) {
    return rtt[p * prefixes.length + i];
  }

  @Override
  public String selfId() {
    return selfId;
  }

  @Override
  public List<Placement> tree() {
    return List.copyOf(tree);
  }
}
