package dev.icon.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real BIND ({@code named}) serving zones given as text, authoritative only, from a temporary
 * directory, in the foreground with its log in that directory. As root it drops to {@code nobody}
 * (which then owns the directory). Optionally started with a command prefix ({@code ip netns exec
 * NS}) to listen inside a network namespace. {@link #close()} stops it and deletes the directory.
 * A missing {@code named} goes through {@link Prerequisites} (fails in CI, skips elsewhere).
 *
 * <p>Not thread-safe; one owner starts and closes it.
 */
public final class BindServer implements AutoCloseable {

  private final Process process;
  private final Path dir;
  private final InetSocketAddress address;

  private BindServer(Process process, Path dir, InetSocketAddress address) {
    this.process = process;
    this.dir = dir;
    this.address = address;
  }

  /** A server on 127.0.0.1 and a free port, in this network namespace. */
  public static BindServer onLoopback(Map<String, String> zones) throws IOException {
    return onLoopback(zones, "", "");
  }

  /** A server on 127.0.0.1 and a free port, with extra configuration (see {@link #start}). */
  public static BindServer onLoopback(Map<String, String> zones, String extraConf, String zoneOptions)
      throws IOException {
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    return start(List.of(), new InetSocketAddress(lo, freePort(lo)), zones, extraConf,
        zoneOptions);
  }

  /**
   * A server started with {@code prefix} (e.g. {@code ip netns exec NS}) listening on {@code
   * address}; {@code zones} maps zone names ({@code "example."}) to zone file text.
   */
  public static BindServer start(List<String> prefix, InetSocketAddress address, Map<String, String> zones)
      throws IOException {
    return start(prefix, address, zones, "", "");
  }

  /**
   * As {@link #start(List, InetSocketAddress, Map)}, adding {@code extraConf} to named.conf (e.g. a
   * {@code key} clause) and {@code zoneOptions} inside every zone (e.g. {@code allow-update}).
   */
  public static BindServer start(List<String> prefix, InetSocketAddress address, Map<String, String> zones,
      String extraConf, String zoneOptions) throws IOException {
    Path named = Prerequisites.requireBinary("named");
    Path dir = Files.createTempDirectory("icon-bind-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    StringBuilder conf = new StringBuilder()
        .append("options {\n")
        .append("  directory \"").append(dir).append("\";\n")
        .append("  listen-on port ").append(address.getPort()).append(" { ")
        .append(address.getAddress().getHostAddress()).append("; };\n")
        .append("  listen-on-v6 { none; };\n")
        .append("  pid-file \"").append(dir).append("/named.pid\";\n")
        .append("  session-keyfile \"").append(dir).append("/session.key\";\n")
        .append("  recursion no;\n  dnssec-validation no;\n  allow-query { any; };\n")
        .append("};\ncontrols { };\n").append(extraConf).append('\n');
    Map<String, Path> files = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, String> z : zones.entrySet()) {
      Path file = dir.resolve("zone" + (i++) + ".db");
      Files.writeString(file, z.getValue());
      files.put(z.getKey(), file);
      conf.append("zone \"").append(z.getKey()).append("\" { type primary; file \"")
          .append(file).append("\"; ").append(zoneOptions).append(" };\n");
    }
    Path confFile = dir.resolve("named.conf");
    Files.writeString(confFile, conf);
    List<String> argv = new ArrayList<>(prefix);
    argv.addAll(List.of(named.toString(), "-g", "-c", confFile.toString()));
    if ("root".equals(System.getProperty("user.name"))) {
      // named refuses to run from a directory its (dropped) user cannot write.
      UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByName("nobody");
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.toList()) {
          Files.setOwner(p, nobody);
        }
      }
      argv.addAll(List.of("-u", "nobody"));
    }
    Path log = Files.createTempFile("icon-bind-", ".log");
    Process p = new ProcessBuilder(argv).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    BindServer server = new BindServer(p, dir, address);
    try {
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
        String text = Files.readString(log);
        if (!p.isAlive() || text.contains("exiting (due to fatal error)")) {
          throw new IllegalStateException("named failed to start:\n" + text);
        }
        return text.lines().anyMatch(l -> l.endsWith(" running"));
      });
      String text = Files.readString(log);
      for (String zone : files.keySet()) {
        String bare = zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone;
        if (!text.contains("zone " + bare + "/IN: loaded serial")) {
          throw new IllegalStateException("named did not load zone " + zone + ":\n" + text);
        }
      }
    } catch (RuntimeException e) {
      server.close();
      throw e;
    } finally {
      Files.deleteIfExists(log);
    }
    return server;
  }

  /** Where it listens (UDP and TCP). */
  public InetSocketAddress address() {
    return address;
  }

  /** {@code host:port} as the command line takes it. */
  public String hostPort() {
    return address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // A leftover temp directory is harmless.
    }
  }

  /** A port free for both TCP and UDP on {@code address} right now. */
  public static int freePort(InetAddress address) throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, address)) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, port))) {
          return port;
        } catch (IOException udpTaken) {
          // try another
        }
      }
    }
    throw new IOException("no port free for both TCP and UDP on " + address);
  }
}
