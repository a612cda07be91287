package dev.icon.bench.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The overlay benchmark of issue 3, side by side in one run on one machine: one-stream throughput
 * over TCP+Noise+Yamux Java to Java (newest JDK and JDK 17) and js to js, the plain Netty TCP
 * ceiling of the same exchange, the JDK's ChaCha20-Poly1305 alone, and connection setup (dial,
 * Noise, Yamux, first ping) Java to Java against js to js. Every participant is a separate process,
 * as a deployment would run it. Run through {@code scripts/bench-overlay}, which builds first.
 *
 * <pre>
 *   OverlayBench [--size BYTES] [--runs N] [--connect-runs N] [--warmup N] [--connect-warmup N]
 *                [--no-js] [--no-jmh]
 * </pre>
 *
 * <p>Every peer, Java or js, first does {@code --warmup} unreported perf runs (default 2) and
 * {@code --connect-warmup} unreported connections (default 500), so the figures are those of a
 * long-running node; {@code --warmup 0 --connect-warmup 0} measures cold processes instead.
 *
 * <pre>
 * </pre>
 */
public final class OverlayBench {

  private static final long TIMEOUT_S = 600;

  private final Path root;
  private final Path logs;
  private final long size;
  private final int runs;
  private final int connectRuns;
  private final int warmup;
  private final int connectWarmup;
  private final Map<String, Double> results = new LinkedHashMap<>();

  private OverlayBench(Path root, long size, int runs, int connectRuns, int warmup,
      int connectWarmup) throws IOException {
    this.root = root;
    this.logs = Files.createDirectories(root.resolve("benchmarks/target/bench-logs"));
    this.size = size;
    this.runs = runs;
    this.connectRuns = connectRuns;
    this.warmup = warmup;
    this.connectWarmup = connectWarmup;
  }

  public static void main(String[] args) throws Exception {
    long size = 256L << 20;
    int runs = 5;
    int connectRuns = 50;
    boolean js = true;
    boolean jmh = true;
    int warmup = 2;
    int connectWarmup = 500;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--size" -> size = Long.parseLong(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--connect-runs" -> connectRuns = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--connect-warmup" -> connectWarmup = Integer.parseInt(args[++i]);
        case "--no-js" -> js = false;
        case "--no-jmh" -> jmh = false;
        default -> {
          System.err.println("usage: OverlayBench [--size BYTES] [--runs N] [--connect-runs N]"
              + " [--warmup N] [--connect-warmup N] [--no-js] [--no-jmh]");
          System.exit(2);
        }
      }
    }
    OverlayBench bench = new OverlayBench(Jdks.repositoryRoot(), size, runs, connectRuns,
        warmup, connectWarmup);
    Path newest = Jdks.newest();
    Path jdk17 = Jdks.find(17);
    System.out.printf("# overlay benchmark: %d MiB per direction, %d runs, %d connects, warm-up %d"
        + " perf runs and %d connects (the same for every peer); logs in %s%n", size >> 20, runs,
        connectRuns, warmup, connectWarmup, bench.logs);
    bench.plainTcp(newest, "ceiling plain TCP (" + Jdks.label(newest) + ")");
    bench.iconPeers(newest, "java " + Jdks.label(newest));
    if (jdk17 != null && !jdk17.equals(newest)) {
      bench.iconPeers(jdk17, "java " + Jdks.label(jdk17));
    }
    if (js) {
      bench.jsPeers("js");
    }
    if (jmh) {
      bench.chacha(newest);
      if (jdk17 != null && !jdk17.equals(newest)) {
        bench.chacha(jdk17);
      }
    }
    new Report(bench.results, Jdks.label(newest), jdk17 == null ? null : Jdks.label(jdk17)).print();
  }

  private void plainTcp(Path jdk, String label) throws Exception {
    List<String> java = javaCommand(jdk, "dev.icon.bench.tcp.PlainTcpPerf");
    List<String> server = new ArrayList<>(java);
    server.add("server");
    try (BenchProcess s = BenchProcess.start("tcp-server", root, Map.of(), log("tcp-server"), server)) {
      int port = s.await("listening", 60).path("port").asInt();
      List<String> client = new ArrayList<>(java);
      client.addAll(List.of("client", String.valueOf(port), String.valueOf(size),
          String.valueOf(size), String.valueOf(runs)));
      try (BenchProcess c = BenchProcess.start("tcp-client", root, Map.of(), log("tcp-client"), client)) {
        record(label, c.await("perf-summary", TIMEOUT_S));
      }
    }
  }

  private void iconPeers(Path jdk, String label) throws Exception {
    Map<String, String> env = Map.of("ICON_JAVA_HOME", jdk.toString(), "ICON_SKIP_BUILD", "1");
    List<String> icon = List.of(root.resolve("icon").toString(), "peer");
    peers(label, icon, env);
  }

  private void jsPeers(String label) throws Exception {
    Path dir = root.resolve("integration-tests/js-peer");
    peers(label, List.of("node", dir.resolve("peer.mjs").toString()), Map.of());
  }

  private void peers(String label, List<String> peer, Map<String, String> env) throws Exception {
    String tag = label.replaceAll("[^A-Za-z0-9]+", "-");
    List<String> server = new ArrayList<>(peer);
    server.add("--perf-server");
    try (BenchProcess s = BenchProcess.start(tag + "-server", root, env, log(tag + "-server"), server)) {
      String addr = s.listenAddr(120);
      List<String> perf = new ArrayList<>(peer);
      perf.addAll(List.of("--perf", addr, "--perf-upload", String.valueOf(size), "--perf-download",
          String.valueOf(size), "--perf-runs", String.valueOf(runs), "--perf-warmup",
          String.valueOf(warmup), "--action-timeout", "300",
          "--exit-when-done"));
      try (BenchProcess c = BenchProcess.start(tag + "-perf", root, env, log(tag + "-perf"), perf)) {
        record(label, c.await("perf-summary", TIMEOUT_S));
      }
      List<String> connect = new ArrayList<>(peer);
      connect.addAll(List.of("--connect-bench", addr, "--connect-runs", String.valueOf(connectRuns),
          "--connect-warmup", String.valueOf(connectWarmup), "--exit-when-done"));
      try (BenchProcess c = BenchProcess.start(tag + "-connect", root, env, log(tag + "-connect"),
          connect)) {
        JsonNode summary = c.await("connect-summary", TIMEOUT_S);
        results.put(label + " connect median ms", summary.path("median_ms").asDouble());
        results.put(label + " connect p90 ms", summary.path("p90_ms").asDouble());
      }
    }
  }

  private void chacha(Path jdk) throws Exception {
    Path out = logs.resolve("chacha-" + Jdks.label(jdk).replace(' ', '-') + ".json");
    List<String> cmd = javaCommand(jdk, "org.openjdk.jmh.Main");
    cmd.addAll(List.of("ChaChaPolyBenchmark.seal", "-p", "size=65519", "-p", "memory=heap", "-f", "1",
        "-wi", "3", "-i", "5",
        "-w", "1s", "-r", "1s", "-rf", "json", "-rff", out.toString()));
    Process p = new ProcessBuilder(cmd).directory(root.toFile())
        .redirectOutput(log("chacha").toFile()).redirectErrorStream(true).start();
    if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("JMH failed; see " + log("chacha"));
    }
    JsonNode first = new ObjectMapper().readTree(out.toFile()).get(0);
    double opsPerSecond = first.path("primaryMetric").path("score").asDouble();
    results.put("chacha20-poly1305 alone " + Jdks.label(jdk) + " gbps", opsPerSecond * 65519 * 8 / 1e9);
  }

  private void record(String label, JsonNode summary) {
    results.put(label + " upload gbps", summary.path("upload_gbps").asDouble());
    results.put(label + " download gbps", summary.path("download_gbps").asDouble());
  }

  private List<String> javaCommand(Path jdk, String mainClass) {
    Path bench = root.resolve("benchmarks/target");
    return new ArrayList<>(List.of(jdk.resolve("bin/java").toString(), "-cp",
        bench.resolve("classes") + ":" + bench.resolve("lib") + "/*", mainClass));
  }

  private Path log(String name) {
    return logs.resolve(name + ".log");
  }
}
