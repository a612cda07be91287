package dev.icon.netsim;

import dev.icon.testing.Prerequisites;
import dev.icon.testing.RepositoryRoot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Link delay without netem: {@code integration-tests/src/test/c/delayfwd.c}, compiled with gcc
 * into {@code target/netsim/}, run once per delayed link end. It owns two TUN devices, {@code
 * dly<k>i} and {@code dly<k>o} ({@code k} the link's index in the file): policy routing sends every
 * packet that would leave by link {@code k} into {@code dly<k>i} (table 100, consulted for all
 * traffic but what arrives on a {@code dly*o}); the forwarder holds it for the link's delay, adds
 * back the hop the detour cost (IPv4 TTL, IPv6 hop limit) and writes it to {@code dly<k>o}, whence
 * the main table sends it out of the real interface. So each direction of a link is delayed at
 * the end it leaves from, and every node still counts as one hop.
 *
 * <p>Thread-safe: compilation happens once per JVM.
 */
public final class DelayForwarders {

  /** The routing table holding the detours. */
  static final int TABLE = 100;

  private static Path binary;

  private DelayForwarders() {}

  /** The TUN device packets for link {@code k} enter. */
  public static String inDevice(int k) {
    return "dly" + k + "i";
  }

  /** The TUN device packets for link {@code k} come back from. */
  public static String outDevice(int k) {
    return "dly" + k + "o";
  }

  /** Compiles the forwarder unless an up-to-date binary exists; returns its path. */
  public static synchronized Path compile() throws IOException {
    if (binary != null) {
      return binary;
    }
    Path gcc = Prerequisites.requireBinary("gcc");
    Path module = RepositoryRoot.find().resolve("integration-tests");
    Path source = module.resolve("src/test/c/delayfwd.c");
    Path out = module.resolve("target/netsim/delayfwd");
    Files.createDirectories(out.getParent());
    if (!Files.isExecutable(out)
        || Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(source)) < 0) {
      Path tmp = out.resolveSibling("delayfwd." + ProcessHandle.current().pid());
      Commands.check(gcc.toString(), "-O2", "-Wall", "-Wextra", "-Werror", "-o", tmp.toString(),
          source.toString());
      Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    binary = out;
    return out;
  }

  /**
   * Starts the forwarder of link {@code k} in namespace {@code ns} and brings its devices up;
   * returns once both exist. With {@code tiedToJvm} it exits when this JVM does (it watches its
   * stdin); otherwise it runs until killed (by hand use; {@code down} kills it with the
   * namespace).
   */
  public static Process start(String ns, int k, double delayMillis, boolean tiedToJvm)
      throws IOException {
    List<String> argv = new ArrayList<>(Commands.inNamespace(ns));
    argv.add(compile().toString());
    if (tiedToJvm) {
      argv.add("-s");
    }
    // Real-time priority: on a loaded machine a forwarder woken late adds delay of its own.
    argv.addAll(List.of("-r", "10"));
    argv.addAll(List.of(inDevice(k), outDevice(k),
        String.format(Locale.ROOT, "%.3f", delayMillis)));
    ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT);
    if (!tiedToJvm) {
      // Left running after this JVM: hold none of its streams (a shell pipe would never end).
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectError(ProcessBuilder.Redirect.DISCARD);
    }
    Process p = pb.start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    try {
      line = CompletableFuture.supplyAsync(() -> {
        try {
          return out.readLine();
        } catch (IOException e) {
          return null;
        }
      }).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      line = null;
    }
    if (line == null || !line.startsWith("ready ")) {
      p.destroyForcibly();
      throw new IOException("delay forwarder of link " + k + " in " + ns + " did not start"
          + " (exit " + (p.isAlive() ? "none" : p.exitValue()) + ", said " + line + ")");
    }
    Commands.ipBatch(ns, List.of("link set " + inDevice(k) + " up",
        "link set " + outDevice(k) + " up",
        "rule add iif " + outDevice(k) + " lookup main pref 100"));
    // Packets of this node come back on the out device with its own source address.
    Commands.checkIn(ns, "sysctl", "-qw", "net.ipv4.conf." + outDevice(k) + ".accept_local=1",
        "net.ipv4.conf." + outDevice(k) + ".rp_filter=0",
        "net.ipv4.conf." + inDevice(k) + ".rp_filter=0");
    return p;
  }

  /** Stops a forwarder started by {@link #start}, waiting briefly. */
  public static void stop(Process p) {
    p.destroy();
    try {
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
  }
}
