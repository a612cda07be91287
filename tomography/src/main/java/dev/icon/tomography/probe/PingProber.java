package dev.icon.tomography.probe;

import dev.icon.tomography.traceroute.BinaryLocator;
import dev.icon.tomography.traceroute.CommandExecutor;
import dev.icon.tomography.traceroute.CommandExecutor.CommandOutput;
import dev.icon.tomography.traceroute.CommandExecutor.RunningCommand;
import dev.icon.tomography.traceroute.ProcessCommandExecutor;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Prober} running the system ping: {@code [prefix...] ping -n -4|-6 -c COUNT -i INTERVAL
 * -W WAIT ADDRESS}, its output parsed by {@link PingParser}. Exit status 0 (some replies) and 1
 * (none) are measurements; anything else fails with PROCESS_FAILED and ping's own message (for
 * example "connect: Network is unreachable"). A missing binary fails with BINARY_MISSING naming
 * where it was looked for. At most {@link PingConfig#parallelism()} pings run at once, the rest
 * queue; a run longer than {@link PingConfig#runTimeout(int)} is killed (TIMEOUT).
 *
 * <p>Thread-safe. Each run blocks one of the prober's own threads; futures complete there.
 * Cancelling a future kills its process; {@link #close()} cancels all.
 */
public final class PingProber implements Prober {

  private static final AtomicInteger IDS = new AtomicInteger();

  private final PingConfig config;
  private final CommandExecutor executor;
  private final Map<String, String> env;
  private final PingParser parser = new PingParser();
  private final ExecutorService threads;
  private final Set<Run> runs = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** A prober starting real processes with the JVM's PATH. */
  public PingProber(PingConfig config) {
    this(config, new ProcessCommandExecutor(), System.getenv());
  }

  /** A prober starting commands through {@code executor}; {@code env} supplies the PATH. */
  public PingProber(PingConfig config, CommandExecutor executor, Map<String, String> env) {
    this.config = config;
    this.executor = executor;
    this.env = Map.copyOf(env);
    int id = IDS.incrementAndGet();
    AtomicInteger threadIds = new AtomicInteger();
    this.threads = Executors.newFixedThreadPool(config.parallelism(), r -> {
      Thread t = new Thread(r, "ping-" + id + "-" + threadIds.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** The command line a probe of {@code target} runs, {@code binary} being the located ping. */
  public List<String> argv(String binary, InetAddress target, int count) {
    List<String> argv = new ArrayList<>(config.commandPrefix());
    argv.addAll(List.of(binary, "-n", target instanceof Inet6Address ? "-6" : "-4",
        "-c", Integer.toString(count),
        "-i", seconds(config.interval().toMillis()),
        "-W", seconds(config.replyWait().toMillis()),
        target.getHostAddress()));
    return argv;
  }

  @Override
  public CompletableFuture<ProbeMeasurement> probe(InetAddress target, int count) {
    CompletableFuture<ProbeMeasurement> future = new CompletableFuture<>();
    if (closed) {
      future.completeExceptionally(new ProbeException(ProbeError.CANCELLED, "the prober is closed"));
      return future;
    }
    if (count < 1 || count > config.maxCount()) {
      future.completeExceptionally(new ProbeException(ProbeError.INVALID_TARGET,
          "count must be 1.." + config.maxCount() + ", was " + count));
      return future;
    }
    Path binary = BinaryLocator.find(config.binary(), env).orElse(null);
    if (binary == null) {
      future.completeExceptionally(new ProbeException(ProbeError.BINARY_MISSING,
          "ping executable '" + config.binary() + "' not found"
              + (config.binary().contains("/") ? ""
                  : " in " + String.join(":", BinaryLocator.searched(env)))
              + " (install the 'iputils-ping' package or set PingConfig.binary)"));
      return future;
    }
    Run run = new Run(target, count, argv(binary.toString(), target, count), future);
    runs.add(run);
    future.whenComplete((r, e) -> {
      runs.remove(run);
      if (future.isCancelled()) {
        run.kill();
      }
    });
    try {
      threads.execute(run);
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(new ProbeException(ProbeError.CANCELLED, "the prober is closed"));
    }
    return future;
  }

  @Override
  public void close() {
    closed = true;
    for (Run run : List.copyOf(runs)) {
      run.future.completeExceptionally(
          new ProbeException(ProbeError.CANCELLED, "the prober was closed during the probe"));
      run.kill();
    }
    threads.shutdownNow();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /** One queued or running ping. */
  private final class Run implements Runnable {
    private final InetAddress target;
    private final int count;
    private final List<String> argv;
    private final CompletableFuture<ProbeMeasurement> future;
    private RunningCommand command;
    private boolean killed;

    Run(InetAddress target, int count, List<String> argv,
        CompletableFuture<ProbeMeasurement> future) {
      this.target = target;
      this.count = count;
      this.argv = argv;
      this.future = future;
    }

    @Override
    public void run() {
      if (future.isDone()) {
        return;
      }
      try {
        RunningCommand started = start();
        if (started == null) {
          return;
        }
        CommandOutput out = started.await(config.runTimeout(count));
        if (out == null) {
          kill();
          throw new ProbeException(ProbeError.TIMEOUT, "ping ran longer than "
              + config.runTimeout(count) + " and was killed: " + String.join(" ", argv));
        }
        if (out.exitCode() != 0 && out.exitCode() != 1) {
          throw new ProbeException(ProbeError.PROCESS_FAILED, String.join(" ", argv)
              + " exited with status " + out.exitCode() + ": " + abbreviate(out.stderr()));
        }
        future.complete(parser.parse(target, out.stdout()));
      } catch (ProbeException e) {
        future.completeExceptionally(e);
      } catch (IOException e) {
        future.completeExceptionally(new ProbeException(ProbeError.PROCESS_FAILED,
            "could not run " + String.join(" ", argv) + ": " + e.getMessage(), e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
        future.completeExceptionally(new ProbeException(ProbeError.CANCELLED, "interrupted"));
      } catch (RuntimeException e) {
        future.completeExceptionally(
            new ProbeException(ProbeError.PROCESS_FAILED, "ping failed: " + e, e));
      }
    }

    private synchronized RunningCommand start() throws IOException {
      if (killed) {
        return null;
      }
      command = executor.start(argv);
      return command;
    }

    synchronized void kill() {
      if (killed) {
        return;
      }
      killed = true;
      if (command != null) {
        command.kill();
      }
    }
  }

  private static String abbreviate(String s) {
    String t = s.strip();
    return t.length() <= 500 ? t : t.substring(0, 497) + "...";
  }
}
