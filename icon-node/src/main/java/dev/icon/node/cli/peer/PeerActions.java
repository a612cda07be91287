package dev.icon.node.cli.peer;

import dev.icon.overlay.api.Connection;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.PerfResult;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The actions of {@code icon peer}, run one after the other in a fixed order: dial, ping,
 * echo-send, perf, connect-bench. A failing action prints an {@code error} event and the rest still
 * run; {@link #runAll} reports whether all succeeded.
 */
final class PeerActions {

  private final Host host;
  private final EventPrinter events;
  private final PeerCommand options;
  private final ActionRunner runner;
  private final java.util.concurrent.CountDownLatch dialsDone =
      new java.util.concurrent.CountDownLatch(1);

  PeerActions(Host host, EventPrinter events, PeerCommand options, ActionRunner runner) {
    this.host = host;
    this.events = events;
    this.options = options;
    this.runner = runner;
  }

  /** Counted down once every {@code --dial} has finished (succeeded or failed). */
  java.util.concurrent.CountDownLatch dialsDone() {
    return dialsDone;
  }

  /** Runs every requested action; true when all of them succeeded (so far, in this runner). */
  boolean runAll() {
    for (String target : options.dial) {
      run("dial", () -> {
        long start = System.nanoTime();
        Connection c = await(host.dial(Multiaddr.parse(target)));
        events.emit("dialed", Map.of("peerId", c.remotePeer().toBase58(), "addr", target,
            "ms", millisSince(start)));
      });
    }
    dialsDone.countDown();
    if (options.ping != null) {
      run("ping", this::ping);
    }
    if (options.echoSend != null) {
      run("echo-send", this::echo);
    }
    if (options.perf != null) {
      run("perf", this::perf);
    }
    if (options.connectBench != null) {
      run("connect-bench", this::connectBench);
    }
    return !runner.failed();
  }

  private void ping() throws Exception {
    PeerId peer = await(host.dial(Multiaddr.parse(options.ping))).remotePeer();
    for (int i = 0; i < options.pingCount; i++) {
      Duration rtt = await(host.ping(peer));
      events.emit("ping", Map.of("peerId", peer.toBase58(), "rtt_ms", rtt.toNanos() / 1e6));
    }
  }

  private void echo() throws Exception {
    PeerId peer = await(host.dial(Multiaddr.parse(options.echoSend))).remotePeer();
    byte[] payload;
    if (options.echoData != null) {
      payload = options.echoData.getBytes(StandardCharsets.UTF_8);
    } else {
      payload = new byte[options.echoBytes];
      new SecureRandom().nextBytes(payload);
    }
    boolean match = await(new EchoService(events).send(host, peer, options.echoProtocols.get(0),
        payload, options.echoData));
    if (!match) {
      throw new IllegalStateException("echo differs from what was sent");
    }
  }

  private void perf() throws Exception {
    PeerId peer = await(host.dial(Multiaddr.parse(options.perf))).remotePeer();
    int runs = options.perfRuns;
    double[] up = new double[runs];
    double[] down = new double[runs];
    double[] upGbps = new double[runs];
    double[] downGbps = new double[runs];
    for (int i = 0; i < options.perfWarmup; i++) { // warm-up: not reported
      await(host.perf(peer, options.perfUpload, options.perfDownload), options.actionTimeoutSeconds);
    }
    for (int i = 0; i < runs; i++) {
      PerfResult r = await(host.perf(peer, options.perfUpload, options.perfDownload),
          options.actionTimeoutSeconds);
      up[i] = r.uploadTime().toNanos() / 1e9;
      down[i] = r.totalTime().minus(r.uploadTime()).toNanos() / 1e9;
      upGbps[i] = options.perfUpload == 0 ? 0 : r.uploadBitsPerSecond() / 1e9;
      downGbps[i] = options.perfDownload == 0 ? 0 : r.downloadBitsPerSecond() / 1e9;
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("run", i + 1);
      f.put("peerId", peer.toBase58());
      f.put("upload_bytes", options.perfUpload);
      f.put("download_bytes", options.perfDownload);
      f.put("upload_s", up[i]);
      f.put("download_s", down[i]);
      f.put("upload_gbps", upGbps[i]);
      f.put("download_gbps", downGbps[i]);
      events.emit("perf", f);
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("runs", runs);
    s.put("upload_bytes", options.perfUpload);
    s.put("download_bytes", options.perfDownload);
    s.put("upload_s", Stats.median(up));
    s.put("download_s", Stats.median(down));
    s.put("upload_gbps", Stats.median(upGbps));
    s.put("download_gbps", Stats.median(downGbps));
    events.emit("perf-summary", s);
  }

  /** Each run: a new connection (TCP, multistream, Noise, Yamux), one ping, then close. */
  private void connectBench() throws Exception {
    Multiaddr target = Multiaddr.parse(options.connectBench);
    int runs = options.connectRuns;
    double[] times = new double[runs];
    for (int i = 0; i < options.connectWarmup; i++) { // warm-up: not reported
      Connection c = await(host.dial(target));
      await(host.ping(c.remotePeer()));
      await(host.disconnect(c.remotePeer()));
    }
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      Connection c = await(host.dial(target));
      Duration rtt = await(host.ping(c.remotePeer()));
      times[i] = millisSince(start);
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("run", i + 1);
      f.put("peerId", c.remotePeer().toBase58());
      f.put("handshake_plus_one_rtt_ms", times[i]);
      f.put("ping_rtt_ms", rtt.toNanos() / 1e6);
      events.emit("connect", f);
      await(host.disconnect(c.remotePeer()));
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("runs", runs);
    s.put("median_ms", Stats.median(times));
    s.put("p90_ms", Stats.percentile(times, 90));
    s.put("min_ms", Stats.percentile(times, 0));
    s.put("max_ms", Stats.percentile(times, 100));
    events.emit("connect-summary", s);
  }

  private void run(String where, ActionRunner.Action action) {
    runner.run(where, action);
  }

  private <T> T await(java.util.concurrent.CompletableFuture<T> f) throws Exception {
    return await(f, options.actionTimeoutSeconds);
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> f, long seconds)
      throws Exception {
    try {
      return f.get(seconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      f.cancel(true);
      throw new java.util.concurrent.TimeoutException("timed out after " + seconds + " s");
    }
  }

  private static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }
}
