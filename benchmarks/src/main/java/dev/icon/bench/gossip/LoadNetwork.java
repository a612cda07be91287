package dev.icon.bench.gossip;

import com.fasterxml.jackson.databind.JsonNode;
import dev.icon.bench.overlay.BenchProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One load step on a fresh network of peer processes of one implementation ({@code ./icon peer} or
 * the js peer, which take the same options): receivers ({@code --load-receive}) started first, in
 * waves, each dialing up to {@code degree} random earlier ones (a chain dials just the previous
 * one); then the publisher ({@code --load-publish}), dialing the last receiver (chain) or {@code
 * degree} random receivers (mesh). After the publisher's {@code load-published} and a drain period
 * every receiver is asked to stop (SIGTERM) and its {@code load-summary} is read.
 */
final class LoadNetwork {

  /** A topology: {@code nodes} peers including the publisher. */
  record Topology(String name, int nodes, boolean chain, int degree) {}

  static final String TOPIC = "bench-load";
  private static final long START_TIMEOUT_S = 120;

  private final Path root;
  private final Path logs;
  private final List<String> peer;
  private final Map<String, String> env;
  private final String impl;
  private final int publishDelayMs;
  private final int drainMs;
  private final double warmupSeconds;
  private final int minWarmup;

  LoadNetwork(Path root, Path logs, String impl, List<String> peer, Map<String, String> env,
      int publishDelayMs, int drainMs, double warmupSeconds, int minWarmup) {
    this.root = root;
    this.logs = logs;
    this.impl = impl;
    this.peer = peer;
    this.env = env;
    this.publishDelayMs = publishDelayMs;
    this.drainMs = drainMs;
    this.warmupSeconds = warmupSeconds;
    this.minWarmup = minWarmup;
  }

  LoadStep run(Topology t, double rate, int count, long seed) throws Exception {
    String tag = impl + "-" + t.name() + "-" + (long) rate;
    SplittableRandom random = new SplittableRandom(seed);
    // Receivers must outlive the publisher; the harness stops them earlier with SIGTERM.
    int warmup = Math.max(minWarmup, (int) Math.round(rate * warmupSeconds));
    long safety = START_TIMEOUT_S + publishDelayMs / 1000 + (long) (3 * (count + warmup) / rate)
        + 60;
    List<BenchProcess> receivers = new ArrayList<>();
    List<String> addrs = new ArrayList<>();
    try {
      int n = t.nodes() - 1;
      for (int wave = 0; addrs.size() < n; wave++) {
        int end = Math.min(n, Math.max(1, 1 << wave));
        List<BenchProcess> started = new ArrayList<>();
        for (int i = addrs.size(); i < end; i++) {
          List<String> cmd = new ArrayList<>(peer);
          cmd.addAll(List.of("--load-receive", TOPIC, "--duration", String.valueOf(safety)));
          for (String a : dials(t, addrs, random)) {
            cmd.addAll(List.of("--dial", a));
          }
          BenchProcess p = BenchProcess.start(tag + "-r" + i, root, env, log(tag + "-r" + i), cmd);
          receivers.add(p);
          started.add(p);
        }
        for (BenchProcess p : started) {
          addrs.add(p.listenAddr(START_TIMEOUT_S));
        }
      }
      List<String> cmd = new ArrayList<>(peer);
      cmd.addAll(List.of("--load-publish", TOPIC, "--load-count", String.valueOf(count),
          "--load-rate", String.valueOf(rate), "--load-size", "1024",
          "--load-warmup", String.valueOf(warmup),
          "--publish-delay", String.valueOf(publishDelayMs), "--exit-when-done"));
      for (String a : dials(t, addrs, random)) {
        cmd.addAll(List.of("--dial", a));
      }
      JsonNode published;
      try (BenchProcess pub = BenchProcess.start(tag + "-pub", root, env, log(tag + "-pub"), cmd)) {
        published = pub.await("load-published", safety);
      }
      TimeUnit.MILLISECONDS.sleep(drainMs); // late messages still count; there is no event to await
      receivers.forEach(BenchProcess::terminate);
      List<JsonNode> summaries = new ArrayList<>();
      for (BenchProcess r : receivers) {
        summaries.add(r.await("load-summary", 60));
      }
      return new LoadStep(impl, t.name(), rate, count, published.path("count").asInt(),
          published.path("failed").asInt(), published.path("seconds").asDouble(), summaries);
    } finally {
      for (BenchProcess r : receivers) {
        r.close();
      }
    }
  }

  /** Whom a new peer dials: the newest peer in a chain, else up to {@code degree} random ones. */
  private static List<String> dials(Topology t, List<String> addrs, SplittableRandom random) {
    if (addrs.isEmpty()) {
      return List.of();
    }
    if (t.chain()) {
      return List.of(addrs.get(addrs.size() - 1));
    }
    List<String> pool = new ArrayList<>(addrs);
    List<String> chosen = new ArrayList<>();
    while (chosen.size() < t.degree() && !pool.isEmpty()) {
      chosen.add(pool.remove(random.nextInt(pool.size())));
    }
    return chosen;
  }

  private Path log(String name) {
    return logs.resolve(name + ".log");
  }
}
