package dev.icon.tomography.probe;

import dev.icon.tomography.traceroute.CommandExecutor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link CommandExecutor} whose commands exit at once with what a function of the argv says, or
 * (when it says null) run until killed. Records argvs and kills. Thread-safe.
 */
final class ScriptedExecutor implements CommandExecutor {

  final List<List<String>> started = new CopyOnWriteArrayList<>();
  final AtomicInteger kills = new AtomicInteger();
  private final Function<List<String>, CommandOutput> outputs;

  ScriptedExecutor(Function<List<String>, CommandOutput> outputs) {
    this.outputs = outputs;
  }

  @Override
  public RunningCommand start(List<String> argv) {
    started.add(argv);
    CommandOutput out = outputs.apply(argv);
    CountDownLatch killed = new CountDownLatch(1);
    return new RunningCommand() {
      @Override
      public CommandOutput await(Duration timeout) throws InterruptedException {
        if (out != null) {
          return out;
        }
        killed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return null;
      }

      @Override
      public void kill() {
        if (killed.getCount() > 0) {
          kills.incrementAndGet();
          killed.countDown();
        }
      }
    };
  }
}
