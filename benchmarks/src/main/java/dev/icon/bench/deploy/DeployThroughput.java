package dev.icon.bench.deploy;

import dev.icon.node.deploy.AdmissionCheck;
import dev.icon.node.deploy.DeployConfig;
import dev.icon.node.deploy.DeployKind;
import dev.icon.node.deploy.DeployReceipt;
import dev.icon.node.deploy.DeployReceiver;
import dev.icon.node.deploy.DeploySender;
import dev.icon.node.deploy.DeploySource;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.api.PerfResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of {@code /icon/deploy/1.0.0} between two hosts in this process over loopback: an
 * artifact of each size is sent {@code runs} times after {@code warmup} unmeasured sends, from a
 * file hashed beforehand (as a provider's client holds its image) into a receiver that verifies
 * every chunk, hashes the whole, fsyncs and moves it into place. Side by side, the overlay's raw
 * {@code /perf/1.0.0} upload of the same size on the same connection is the ceiling.
 *
 * <p>Run: {@code java -cp "benchmarks/target/classes:benchmarks/target/lib/*"
 * dev.icon.bench.deploy.DeployThroughput [runs] [warmup] [sizes MiB...]} (defaults 10, 5, 2 50).
 */
public final class DeployThroughput {

  private DeployThroughput() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<Integer> sizesMib = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      sizesMib.add(Integer.parseInt(args[i]));
    }
    if (sizesMib.isEmpty()) {
      sizesMib = List.of(2, 50);
    }
    Path dir = Files.createTempDirectory("deploy-bench");
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    ExecutorService io = Executors.newCachedThreadPool();
    HostConfig hostConfig = HostConfig.defaults().toBuilder().perfEnabled(true)
        .maxPerfBytes(1L << 30).build();
    Host provider = Host.builder().config(hostConfig).listen("/ip4/127.0.0.1/tcp/0").build();
    Host client = Host.builder().config(hostConfig).listen("/ip4/127.0.0.1/tcp/0").build();
    try {
      provider.start().join();
      client.start().join();
      client.peerStore().addAddresses(provider.peerId(), provider.listenAddrs());
      DeployConfig config = DeployConfig.defaults();
      DeployReceiver receiver = DeployReceiver.builder(provider, dir.resolve("staging"),
          dir.resolve("store")).config(config).admission(AdmissionCheck.allowAll(1L << 32))
          .scheduler(scheduler).build();
      receiver.start();
      DeploySender sender = DeploySender.builder(client).config(config).executor(io)
          .scheduler(scheduler).build();
      System.out.printf("deploy throughput over loopback, chunk %d KiB, %d runs after %d warm-up"
          + " (java %s, %d cpus)%n", config.chunkSize() / 1024, runs, warmup,
          Runtime.version(), Runtime.getRuntime().availableProcessors());
      for (int mib : sizesMib) {
        Path file = dir.resolve("artifact-" + mib);
        writeRandom(file, mib << 20, mib);
        DeploySource source = DeploySource.ofFile(file);
        List<Double> deploy = new ArrayList<>();
        List<Double> perf = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
          long start = System.nanoTime();
          // A fresh agreement per run: the receiver accepts an artifact it already stored under
          // the same agreement at once, which would measure nothing.
          DeployReceipt r = sender.send(provider.peerId(), "bench-" + mib + "-" + i,
              DeployKind.IMAGE, source).get(10, TimeUnit.MINUTES);
          if (r.bytesSent() != r.size()) {
            throw new IllegalStateException("sent " + r.bytesSent() + " of " + r.size());
          }
          Files.delete(dir.resolve("store").resolve("bench-" + mib + "-" + i + ".image"));
          double seconds = (System.nanoTime() - start) / 1e9;
          PerfResult p = client.perf(provider.peerId(), (long) mib << 20, 0)
              .get(10, TimeUnit.MINUTES);
          if (i >= warmup) {
            deploy.add(r.size() / seconds / (1 << 20));
            perf.add(p.uploadBitsPerSecond() / 8 / (1 << 20));
          }
        }
        System.out.printf("%3d MiB: deploy median %7.1f MiB/s (min %7.1f, max %7.1f); raw perf"
            + " upload median %7.1f MiB/s; ratio %.2f%n", mib, median(deploy), min(deploy),
            max(deploy), median(perf), median(deploy) / median(perf));
      }
      receiver.stop();
    } finally {
      client.stop().join();
      provider.stop().join();
      scheduler.shutdownNow();
      io.shutdownNow();
      deleteTree(dir);
    }
  }

  private static void writeRandom(Path file, int size, long seed) throws IOException {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    Files.write(file, b);
  }

  private static double median(List<Double> v) {
    List<Double> s = v.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static double min(List<Double> v) {
    return v.stream().min(Comparator.naturalOrder()).orElse(0.0);
  }

  private static double max(List<Double> v) {
    return v.stream().max(Comparator.naturalOrder()).orElse(0.0);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
