package dev.icon.tomography;

import dev.icon.netsim.Commands;
import dev.icon.netsim.Namespaces;
import dev.icon.testing.Prerequisites;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A chain of network namespaces, client -> r1 -> ... -> rN -> target, joined by veth pairs, with
 * forwarding routers and static routes, for real traceroute. Needs root, {@code ip}.
 *
 * <p>Link {@code k} (1-based) joins node {@code k-1} and node {@code k} on {@code 10.k.0.0/24}: the
 * left end is {@code 10.k.0.1}, the right end {@code 10.k.0.2}. So the client is {@code 10.1.0.1},
 * and hop {@code k} of a trace from the client answers from {@code 10.k.0.2}; the target is {@code
 * 10.(N+1).0.2}. Names are unique per run and start with this JVM's {@link
 * Namespaces#runPrefix()}; {@link #close()} deletes every namespace (also from a shutdown hook if
 * the JVM exits first), and creating a chain first sweeps namespaces of test JVMs that are gone.
 * Every packet starts inside a namespace: nothing here sends from the host's namespace. (A chain
 * with interface addresses as hop addresses; {@link dev.icon.netsim.MiniInternet} builds richer
 * topologies from a YAML file.)
 */
final class NetnsChain implements AutoCloseable {

  private final List<String> names = new ArrayList<>();
  private final Thread cleanup = new Thread(this::deleteAll, "netns-cleanup");
  private final int routers;

  private NetnsChain(int routers) {
    this.routers = routers;
  }

  /** Builds a chain with {@code routers} routers (at least 1). */
  static NetnsChain create(int routers) throws IOException {
    Prerequisites.requireRoot();
    Prerequisites.requireBinary("ip");
    Namespaces.sweepDeadRuns();
    String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    NetnsChain chain = new NetnsChain(routers);
    Runtime.getRuntime().addShutdownHook(chain.cleanup);
    try {
      int nodes = routers + 2;
      for (int i = 0; i < nodes; i++) {
        String ns = Namespaces.runPrefix() + run + "-"
            + (i == 0 ? "c" : i == nodes - 1 ? "t" : "r" + i);
        run("ip", "netns", "add", ns);
        chain.names.add(ns);
        chain.in(ns, "ip", "link", "set", "lo", "up");
        chain.in(ns, "sysctl", "-qw", "net.ipv4.icmp_ratelimit=0", "net.ipv4.icmp_msgs_per_sec=100000",
            "net.ipv4.icmp_msgs_burst=100000");
        if (i > 0 && i < nodes - 1) {
          chain.in(ns, "sysctl", "-qw", "net.ipv4.ip_forward=1");
        }
      }
      for (int k = 1; k < nodes; k++) {
        String left = chain.names.get(k - 1);
        String right = chain.names.get(k);
        run("ip", "link", "add", "l" + k, "netns", left, "type", "veth", "peer", "name", "r" + k,
            "netns", right);
        chain.in(left, "ip", "addr", "add", "10." + k + ".0.1/24", "dev", "l" + k);
        chain.in(right, "ip", "addr", "add", "10." + k + ".0.2/24", "dev", "r" + k);
        chain.in(left, "ip", "link", "set", "l" + k, "up");
        chain.in(right, "ip", "link", "set", "r" + k, "up");
      }
      for (int i = 0; i < nodes; i++) {
        String ns = chain.names.get(i);
        if (i < nodes - 1) {
          chain.in(ns, "ip", "route", "add", "default", "via", "10." + (i + 1) + ".0.2");
        }
        for (int j = 1; j < i; j++) {
          chain.in(ns, "ip", "route", "add", "10." + j + ".0.0/24", "via", "10." + i + ".0.1");
        }
      }
    } catch (IOException | RuntimeException e) {
      chain.close();
      throw e;
    }
    return chain;
  }

  /** The client namespace's name. */
  String client() {
    return names.get(0);
  }

  /** The target namespace's name. */
  String target() {
    return names.get(names.size() - 1);
  }

  /** Router {@code i}'s namespace (1-based). */
  String router(int i) {
    return names.get(i);
  }

  /** The target's address. */
  String targetAddress() {
    return hopAddress(routers + 1);
  }

  /** The address hop {@code k} of a trace from the client answers from. */
  String hopAddress(int k) {
    return "10." + k + ".0.2";
  }

  /** The prefix that runs a command inside namespace {@code ns}. */
  static List<String> exec(String ns) {
    return List.of("ip", "netns", "exec", ns);
  }

  /** Runs a command inside {@code ns}; fails on a non-zero exit. */
  String in(String ns, String... command) throws IOException {
    List<String> argv = new ArrayList<>(exec(ns));
    argv.addAll(List.of(command));
    return run(argv.toArray(String[]::new));
  }

  /** The pids of processes running inside {@code ns}. */
  List<String> pids(String ns) throws IOException {
    return run("ip", "netns", "pids", ns).lines().filter(l -> !l.isBlank()).toList();
  }

  @Override
  public void close() {
    deleteAll();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  private synchronized void deleteAll() {
    names.forEach(Namespaces::delete);
    names.clear();
  }

  private static String run(String... argv) throws IOException {
    return Commands.check(argv);
  }
}
