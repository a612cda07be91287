package dev.icon.tomography.traceroute;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link CommandExecutor} whose commands print what a function of the argv says, once the test
 * releases them. Records argvs, concurrency and kills. Thread-safe.
 */
final class FakeExecutor implements CommandExecutor {

  final List<List<String>> started = new CopyOnWriteArrayList<>();
  final AtomicInteger running = new AtomicInteger();
  final AtomicInteger maxRunning = new AtomicInteger();
  final AtomicInteger kills = new AtomicInteger();
  private final Function<List<String>, CommandOutput> outputs;
  private volatile CountDownLatch release = new CountDownLatch(0);

  FakeExecutor(Function<List<String>, CommandOutput> outputs) {
    this.outputs = outputs;
  }

  /** Commands started from now on wait until {@link #releaseAll()}. */
  FakeExecutor hold() {
    release = new CountDownLatch(1);
    return this;
  }

  void releaseAll() {
    release.countDown();
  }

  @Override
  public RunningCommand start(List<String> argv) throws IOException {
    started.add(argv);
    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
    CountDownLatch gate = release;
    return new RunningCommand() {
      private final CountDownLatch killed = new CountDownLatch(1);
      private boolean done;

      @Override
      public CommandOutput await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (gate.getCount() > 0 && killed.getCount() > 0) {
          if (System.nanoTime() > deadline) {
            return null;
          }
          gate.await(5, TimeUnit.MILLISECONDS);
        }
        finish();
        return killed.getCount() == 0 ? new CommandOutput(137, "", "killed")
            : outputs.apply(argv);
      }

      @Override
      public void kill() {
        kills.incrementAndGet();
        killed.countDown();
        finish();
      }

      private synchronized void finish() {
        if (!done) {
          done = true;
          running.decrementAndGet();
        }
      }
    };
  }

  /** Output of a three-hop run to the target (last argv word). */
  static CommandOutput threeHops(List<String> argv) {
    String target = argv.get(argv.size() - 1);
    return new CommandOutput(0, "traceroute to " + target + " (" + target
        + "), 30 hops max, 60 byte packets\n 1  10.1.0.1  0.1 ms\n 2  10.2.0.2  0.2 ms\n 3  "
        + target + "  0.3 ms\n", "");
  }
}
