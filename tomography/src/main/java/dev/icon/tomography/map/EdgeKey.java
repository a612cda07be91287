package dev.icon.tomography.map;

import java.util.Objects;

/**
 * An undirected edge between two node ids (addresses or prefixes as text), stored with the smaller
 * id first so that both directions name the same edge.
 *
 * @param a the smaller node id
 * @param b the larger node id
 */
public record EdgeKey(String a, String b) implements Comparable<EdgeKey> {

  public EdgeKey {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.compareTo(b) > 0) {
      throw new IllegalArgumentException("use EdgeKey.of: '" + a + "' sorts after '" + b + "'");
    }
    if (a.equals(b)) {
      throw new IllegalArgumentException("an edge needs two different nodes, got '" + a + "' twice");
    }
  }

  /** The edge between {@code x} and {@code y}, in either order. */
  public static EdgeKey of(String x, String y) {
    return x.compareTo(y) <= 0 ? new EdgeKey(x, y) : new EdgeKey(y, x);
  }

  @Override
  public int compareTo(EdgeKey o) {
    int c = a.compareTo(o.a);
    return c != 0 ? c : b.compareTo(o.b);
  }
}
