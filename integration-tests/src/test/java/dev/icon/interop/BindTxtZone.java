package dev.icon.interop;

import dev.icon.testing.Prerequisites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real BIND 9 ({@code named}) serving one zone with TXT records, authoritative only, on
 * 127.0.0.1 and a port free at start, from a temporary directory; for {@code /dnsaddr/} tests.
 * {@link #close()} stops this server's own process. Missing {@code named} goes through {@link
 * Prerequisites}. Not thread-safe.
 */
final class BindTxtZone implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final Process process;
  private final Path dir;
  private final int port;

  private BindTxtZone(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** Serves {@code zone} with {@code txt} (relative name to TXT strings) and waits until it runs. */
  static BindTxtZone start(String zone, Map<String, List<String>> txt) throws Exception {
    Path named = Prerequisites.requireBinary("named");
    Path dir = Files.createTempDirectory("icon-bind-");
    int port = freePort();
    StringBuilder records = new StringBuilder("$TTL 60\n@ IN SOA ns admin 1 60 60 60 60\n"
        + "@ IN NS ns\nns IN A 127.0.0.1\n");
    txt.forEach((name, values) -> values.forEach(value -> records.append(name)
        .append(" IN TXT \"").append(value).append("\"\n")));
    Files.writeString(dir.resolve("zone"), records, StandardCharsets.US_ASCII);
    Files.writeString(dir.resolve("named.conf"), "options {\n"
        + "  directory \"" + dir + "\";\n"
        + "  listen-on port " + port + " { 127.0.0.1; };\n"
        + "  listen-on-v6 { none; };\n"
        + "  pid-file none;\n  session-keyfile none;\n"
        + "  managed-keys-directory \"" + dir + "\";\n"
        + "  recursion no;\n  dnssec-validation no;\n};\n"
        + "controls { };\n" // no rndc channel: it would take the fixed port 953
        + "zone \"" + zone + "\" { type primary; file \"" + dir.resolve("zone") + "\"; };\n",
        StandardCharsets.US_ASCII);
    Process process = new ProcessBuilder(named.toString(), "-g", "-c",
        dir.resolve("named.conf").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("named.log").toFile()).start();
    BindTxtZone server = new BindTxtZone(process, dir, port);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!server.log().contains("running")) { // named logs "running" once it serves
      if (!process.isAlive() || System.nanoTime() > deadline) {
        server.close();
        throw new IllegalStateException("named did not start:\n" + server.log());
      }
      process.waitFor(50, TimeUnit.MILLISECONDS);
    }
    return server;
  }

  /** The port named listens on (UDP and TCP, 127.0.0.1). */
  int port() {
    return port;
  }

  /** The JVM option that points JNDI's DNS (hence {@code DnsaddrResolver.system()}) at this server. */
  String jndiOption() {
    return "-Djava.naming.provider.url=dns://127.0.0.1:" + port;
  }

  String log() {
    try {
      return Files.readString(dir.resolve("named.log"));
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() throws IOException {
    for (int i = 0; i < 20; i++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
          return port;
        } catch (IOException e) {
          // UDP side taken: try another
        }
      }
    }
    throw new IOException("no port free on both TCP and UDP");
  }

  @Override
  public void close() {
    process.destroy(); // SIGTERM to our own named
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
