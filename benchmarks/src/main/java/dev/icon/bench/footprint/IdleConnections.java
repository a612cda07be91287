package dev.icon.bench.footprint;

import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Heap of one node holding N idle connections (target: 1,000 in under 150 MB). The measured node
 * runs in this JVM and nothing else does; the N dialling peers (distinct identities) run in a child
 * JVM, so their memory is not counted. Heap figures are taken after a full GC.
 *
 * <pre>
 *   IdleConnections [N]              measure (default 1000)
 *   IdleConnections dialers ADDR N   (the child: dials ADDR from N hosts, then waits for stdin EOF)
 * </pre>
 */
public final class IdleConnections {

  private static final Duration LONG = Duration.ofHours(1);

  private IdleConnections() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("dialers")) {
      dialers(Multiaddr.parse(args[1]), Integer.parseInt(args[2]));
      return;
    }
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    measure(n);
  }

  private static void measure(int n) throws Exception {
    HostConfig config = HostConfig.defaults().toBuilder()
        .maxConnections(n + 100).watermarks(n + 50, n + 100)
        .idleTimeout(LONG).maxPeerStorePeers(n + 100).build();
    Host node = Host.builder().config(config).build();
    node.start().get();
    long before = heapAfterGc();
    String addr = node.listenAddrs().get(0).withPeerId(node.peerId()).toString();

    String javaBin = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(javaBin, "-Xmx8g", "-cp", System.getProperty("java.class.path"),
        IdleConnections.class.getName(), "dialers", addr, String.valueOf(n))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine(); // "connected N" once every dial completed
      if (line == null || !line.startsWith("connected")) {
        throw new IllegalStateException("dialers failed: " + line);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (node.connections().size() < n && System.nanoTime() < deadline) {
        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      }
      int open = node.connections().size();
      long after = heapAfterGc();
      System.out.printf("{\"event\":\"idle-connections\",\"connections\":%d,"
          + "\"heap_before_mb\":%.1f,\"heap_after_mb\":%.1f,\"per_connection_kb\":%.1f,"
          + "\"direct_mb\":%.1f}%n", open, before / 1e6, after / 1e6,
          (after - before) / 1e3 / Math.max(open, 1), directBytes() / 1e6);
      child.getOutputStream().close(); // the child exits on stdin EOF
      child.waitFor(60, TimeUnit.SECONDS);
    } finally {
      child.destroy();
      node.stop().get(60, TimeUnit.SECONDS);
    }
  }

  private static void dialers(Multiaddr target, int n) throws Exception {
    HostConfig config = HostConfig.defaults().toBuilder().eventLoopThreads(1).idleTimeout(LONG)
        .build();
    List<Host> hosts = new ArrayList<>();
    List<CompletableFuture<?>> dials = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Host h = Host.builder().config(config).build();
      h.start().get();
      hosts.add(h);
      dials.add(h.dial(target));
      if (dials.size() % 50 == 0) {
        CompletableFuture.allOf(dials.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
      }
    }
    CompletableFuture.allOf(dials.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    System.out.println("connected " + n);
    System.out.flush();
    while (System.in.read() >= 0) {
      // hold the connections open until the measuring parent closes our stdin
    }
    for (Host h : hosts) {
      h.stop();
    }
  }

  private static long heapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) { // repeated: a single System.gc() may leave floating garbage
      memory.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** Direct memory Netty's default allocator holds (it bypasses the JDK's direct buffer pool). */
  private static long directBytes() {
    return ((io.netty.buffer.ByteBufAllocatorMetricProvider) io.netty.buffer.ByteBufAllocator.DEFAULT)
        .metric().usedDirectMemory();
  }
}
