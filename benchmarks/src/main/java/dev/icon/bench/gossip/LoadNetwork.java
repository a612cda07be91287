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
 * A network of load receivers of one implementation ({@code ./icon peer} or the js peer, which
 * take the same options) that outlives several load steps, so its processes are warmed up once
 * (a JIT runtime's first thousands of messages run interpreted, which a benchmark of a sustained
 * rate should not measure, and 19 JVMs warming up at once on 2 cores take minutes). Receivers
 * ({@code --load-receive}) start in waves, each dialing up to {@code degree} random earlier ones
 * (a chain dials just the previous one). {@link #warmUp} runs an unmeasured publisher and waits
 * until its messages have arrived; each {@link #step} starts a fresh publisher ({@code
 * --load-publish}, a new peer id) dialing the last receiver (chain) or {@code degree} random
 * receivers (mesh) and reads that publisher's figures from every receiver's {@code load-summary}
 * {@code by_author} (printed on SIGHUP). Not thread-safe.
 */
final class LoadNetwork implements AutoCloseable {

  /** A topology: {@code nodes} peers including the publisher. */
  record Topology(String name, int nodes, boolean chain, int degree) {}

  static final String TOPIC = "bench-load";
  private static final long START_TIMEOUT_S = 300; // JVMs start slowly on a busy 2-core box
  private static final long RECEIVER_LIFETIME_S = 6 * 3600;
  private static final long POLL_MS = 2000;
  private static final int QUIET_POLLS = 3;
  private static final long SUMMARY_TIMEOUT_S = 90;
  private static final int SUMMARY_RETRIES = 3;

  private final LoadPeers peers;
  private final Topology topology;
  private final SplittableRandom random;
  private final List<BenchProcess> receivers = new ArrayList<>();
  private final List<String> addrs = new ArrayList<>();
  private int publishers;

  /** Starts the receivers of {@code topology}; {@link #close} stops them. */
  LoadNetwork(LoadPeers peers, Topology topology, long seed) throws InterruptedException {
    this.peers = peers;
    this.topology = topology;
    this.random = new SplittableRandom(seed);
    boolean started = false;
    try {
      int n = topology.nodes() - 1;
      for (int wave = 0; addrs.size() < n; wave++) {
        int end = Math.min(n, Math.max(1, 1 << wave));
        List<BenchProcess> batch = new ArrayList<>();
        for (int i = addrs.size(); i < end; i++) {
          List<String> cmd = new ArrayList<>(peers.command());
          cmd.addAll(List.of("--load-receive", TOPIC, "--duration",
              String.valueOf(RECEIVER_LIFETIME_S)));
          dials(cmd);
          BenchProcess p = peers.start(topology.name() + "-r" + i, cmd);
          receivers.add(p);
          batch.add(p);
        }
        for (BenchProcess p : batch) {
          addrs.add(p.listenAddr(START_TIMEOUT_S));
        }
      }
      started = true;
    } finally {
      if (!started) {
        close();
      }
    }
  }

  /**
   * Warms the network up: an unmeasured publisher sends {@code count} messages at {@code rate},
   * then this waits until every receiver has all of them or the receivers have gone quiet.
   * Returns the fewest any receiver got.
   */
  long warmUp(double rate, int count, int publishDelayMs) throws Exception {
    return publish("warm", rate, count, 0, publishDelayMs, -1).fewest;
  }

  /**
   * One measured step: a fresh publisher sends {@code warmup} flagged messages (its own JIT
   * warm-up, left out of the figures), pauses 1 s, then {@code count} messages at {@code rate};
   * after {@code drainMs} every receiver's figures for that publisher are read.
   */
  LoadStep step(double rate, int count, int warmup, int publishDelayMs, int drainMs)
      throws Exception {
    Published p = publish(peers.impl() + "-" + (long) rate, rate, count, warmup, publishDelayMs,
        drainMs);
    List<JsonNode> all = summaries();
    // A receiver that did not answer in time (a swamped js hub) is asked again: its late answer
    // then arrives, or a later one with at least as much.
    for (int retry = 0; retry < SUMMARY_RETRIES && all.stream().anyMatch(JsonNode::isMissingNode);
        retry++) {
      all = summaries();
    }
    List<JsonNode> summaries = new ArrayList<>();
    for (JsonNode s : all) {
      summaries.add(s.path("by_author").path(p.peerId));
    }
    LoadStep step = new LoadStep(peers.impl(), topology.name(), rate, count,
        p.event.path("count").asInt(), p.event.path("failed").asInt(),
        p.event.path("seconds").asDouble(), summaries, p.cpuSeconds, p.receiverCpuSeconds,
        p.wallSeconds);
    if (!step.complete()) {
      quiesce(p.peerId, step.published()); // a backlog must not spill into the next step
    }
    return step;
  }

  private record Published(String peerId, JsonNode event, double cpuSeconds,
      double receiverCpuSeconds, double wallSeconds, long fewest) {}

  /**
   * Runs a publisher to its {@code load-published}, then {@code drainMs} (or, when negative, until
   * the receivers have all its messages or have gone quiet), and stops it. The CPU time of all
   * peers from its {@code load-start} (measured messages begin) to the end of the drain is
   * recorded.
   */
  private Published publish(String label, double rate, int count, int warmup, int publishDelayMs,
      int drainMs) throws Exception {
    long lifetime = START_TIMEOUT_S + publishDelayMs / 1000 + (long) (3 * (count + warmup) / rate)
        + 60;
    List<String> cmd = new ArrayList<>(peers.command());
    cmd.addAll(List.of("--load-publish", TOPIC, "--load-count", String.valueOf(count),
        "--load-rate", String.valueOf(rate), "--load-size", "1024",
        "--load-warmup", String.valueOf(warmup),
        "--publish-delay", String.valueOf(publishDelayMs), "--duration", String.valueOf(lifetime)));
    dials(cmd);
    // The publisher stays up through the drain (no --exit-when-done): its queued messages still
    // go out, and its CPU time can be read.
    try (BenchProcess pub = peers.start(topology.name() + "-pub" + publishers++ + "-" + label,
        cmd)) {
      String peerId = pub.await("listening", START_TIMEOUT_S).path("peerId").asText();
      List<BenchProcess> all = new ArrayList<>(receivers);
      all.add(pub);
      pub.await("load-start", lifetime);
      long cpu0 = cpuNanos(all);
      long rcpu0 = cpuNanos(receivers);
      long wall0 = System.nanoTime();
      JsonNode published = pub.await("load-published", lifetime);
      long fewest = -1;
      if (drainMs >= 0) {
        TimeUnit.MILLISECONDS.sleep(drainMs); // late messages still count; no event to await
      } else {
        fewest = quiesce(peerId, published.path("count").asLong());
      }
      double cpu = (cpuNanos(all) - cpu0) / 1e9;
      double rcpu = (cpuNanos(receivers) - rcpu0) / 1e9;
      double wall = (System.nanoTime() - wall0) / 1e9;
      pub.terminate();
      return new Published(peerId, published, cpu, rcpu, wall, fewest);
    }
  }

  /**
   * Every receiver's current {@code load-summary} (asked for with SIGHUP); a receiver too busy to
   * answer within {@link #SUMMARY_TIMEOUT_S} (seen with js hubs of a 20-node mesh whose event loop
   * was swamped) counts as having received nothing.
   */
  private List<JsonNode> summaries() throws InterruptedException {
    receivers.forEach(BenchProcess::hangUp);
    List<JsonNode> out = new ArrayList<>();
    for (BenchProcess r : receivers) {
      try {
        out.add(r.await("load-summary", SUMMARY_TIMEOUT_S, false));
      } catch (IllegalStateException e) {
        System.out.println("# " + e.getMessage() + ": counted as nothing received");
        out.add(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
      }
    }
    return out;
  }

  /**
   * Polls the receivers until each has {@code expected} unique messages of {@code author} or no
   * receiver's counts moved over {@link #QUIET_POLLS} polls in a row; returns the fewest any
   * receiver had.
   */
  private long quiesce(String author, long expected) throws InterruptedException {
    long[] last = null;
    int quiet = 0;
    while (true) {
      List<JsonNode> s = summaries();
      long[] now = new long[s.size()];
      long fewest = Long.MAX_VALUE;
      for (int i = 0; i < now.length; i++) {
        long mine = s.get(i).path("by_author").path(author).path("unique").asLong();
        now[i] = mine + s.get(i).path("received").asLong() + s.get(i).path("warmup").asLong();
        fewest = Math.min(fewest, mine);
      }
      quiet = java.util.Arrays.equals(now, last) ? quiet + 1 : 0;
      if (fewest >= expected || quiet >= QUIET_POLLS) {
        return fewest;
      }
      last = now;
      TimeUnit.MILLISECONDS.sleep(POLL_MS); // polling interval between checks of a condition
    }
  }

  /** Whom a new peer dials: the newest receiver in a chain, else up to {@code degree} random. */
  private void dials(List<String> cmd) {
    List<String> chosen = new ArrayList<>();
    if (topology.chain() && !addrs.isEmpty()) {
      chosen.add(addrs.get(addrs.size() - 1));
    } else {
      List<String> pool = new ArrayList<>(addrs);
      while (chosen.size() < topology.degree() && !pool.isEmpty()) {
        chosen.add(pool.remove(random.nextInt(pool.size())));
      }
    }
    for (String a : chosen) {
      cmd.addAll(List.of("--dial", a));
    }
  }

  /** Total CPU time of the processes, in nanoseconds (an exited one counts as 0). */
  private static long cpuNanos(List<BenchProcess> processes) {
    long sum = 0;
    for (BenchProcess p : processes) {
      sum += Math.max(0, p.cpuNanos());
    }
    return sum;
  }

  @Override
  public void close() throws InterruptedException {
    receivers.forEach(BenchProcess::terminate);
    for (BenchProcess r : receivers) {
      r.close();
    }
    receivers.clear();
  }

  /**
   * How to start peers of one implementation: its label, command line and environment, and
   * where logs go.
   */
  record LoadPeers(String impl, Path root, Path logs, List<String> command,
      Map<String, String> env) {

    BenchProcess start(String name, List<String> cmd) {
      String tag = impl + "-" + name;
      return BenchProcess.start(tag, root, env, logs.resolve(tag + ".log"), cmd);
    }
  }
}
