package dev.icon.bench.ledger;

import dev.icon.market.ledger.AtomixLedger;
import dev.icon.market.ledger.Ledger;
import dev.icon.market.ledger.LedgerConfig;
import dev.icon.market.ledger.LedgerMember;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Ledger writes per second on an {@link AtomixLedger} of one member and of three (three members
 * in this JVM, on loopback, each with its own data directory, flush on commit as by default).
 * For each cluster size and client thread count, it measures for a fixed time after a warm-up:
 * {@code put} (a new 256-byte agreement: one Raft write) and {@code spend} (a budget spend: a
 * linearizable read plus a compare-and-set write, each thread on its own account). Clients of a
 * 3-member cluster are spread over the members.
 *
 * <p>Run with {@code scripts/bench-ledger [--seconds S] [--warmup S] [--threads 1,16]
 * [--members 1,3]}. Prints one line per measurement.
 */
public final class LedgerBench {

  private LedgerBench() {}

  public static void main(String[] args) throws Exception {
    int seconds = intOption(args, "--seconds", 10);
    int warmup = intOption(args, "--warmup", 3);
    int[] threads = listOption(args, "--threads", "1,16");
    int[] sizes = listOption(args, "--members", "1,3");
    System.out.printf("ledger bench: %d s per measurement after %d s warm-up, JDK %s, %d cores%n",
        seconds, warmup, Runtime.version(), Runtime.getRuntime().availableProcessors());
    for (int size : sizes) {
      Path dir = Files.createTempDirectory("icon-ledger-bench");
      List<AtomixLedger> members = open(dir, size);
      try {
        for (int t : threads) {
          for (String op : List.of("put", "spend")) {
            run(members, op, t, warmup);
            double rate = run(members, op, t, seconds) / (double) seconds;
            System.out.printf("members=%d threads=%-3d op=%-5s %,10.0f writes/s%n", size, t, op, rate);
          }
        }
      } finally {
        members.forEach(AtomixLedger::close);
        deleteTree(dir);
      }
    }
    System.exit(0);
  }

  private static List<AtomixLedger> open(Path dir, int size) {
    List<LedgerMember> all = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      all.add(new LedgerMember("m" + i, "127.0.0.1", size == 1 ? 0 : freePort()));
    }
    List<CompletableFuture<AtomixLedger>> starting = all.stream()
        .map(m -> CompletableFuture.supplyAsync(() -> AtomixLedger.open(LedgerConfig.builder()
            .memberId(m.id()).dataDirectory(dir.resolve(m.id())).members(all).build())))
        .toList();
    return starting.stream().map(CompletableFuture::join).toList();
  }

  /** Operations completed by {@code threads} clients in {@code seconds}. */
  private static long run(List<AtomixLedger> members, String op, int threads, int seconds) throws Exception {
    LongAdder done = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    byte[] agreement = new byte[256];
    ThreadLocalRandom.current().nextBytes(agreement);
    List<Thread> clients = new ArrayList<>();
    String run = Long.toHexString(System.nanoTime());
    for (int t = 0; t < threads; t++) {
      Ledger ledger = members.get(t % members.size());
      String account = "bench-" + run + "-" + t;
      if (op.equals("spend")) {
        ledger.grant(account, Long.MAX_VALUE / 2);
      }
      Thread client = new Thread(() -> {
        for (long n = 0; !stop.get(); n++) {
          if (op.equals("put")) {
            ledger.putAgreement(account + "-" + n, agreement);
          } else {
            ledger.spend(account, 1);
          }
          done.increment();
        }
      }, "ledger-bench-" + t);
      clients.add(client);
      client.start();
    }
    Thread.sleep(seconds * 1000L); // the measurement window itself, not a wait for a condition
    stop.set(true);
    long count = done.sum();
    for (Thread c : clients) {
      c.join();
    }
    return count;
  }

  private static int intOption(String[] args, String name, int fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }

  private static int[] listOption(String[] args, String name, String fallback) {
    String value = fallback;
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        value = args[i + 1];
      }
    }
    return Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
