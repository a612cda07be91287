package dev.icon.tomography.traceroute;

import dev.icon.tomography.traceroute.CommandExecutor.CommandOutput;
import dev.icon.tomography.traceroute.CommandExecutor.RunningCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the system traceroute ({@code -n}) through a {@link CommandExecutor} and parses its output
 * with {@link TracerouteParser}. At most {@link TracerouteConfig#parallelism()} runs are in
 * progress at once; further calls queue.
 *
 * <p>Thread-safe. Each run blocks one of the runner's own threads; returned futures complete on
 * them. Cancelling a future kills its process (or drops it from the queue); {@link #close()}
 * cancels all.
 */
public final class ProcessTracerouteRunner implements TracerouteRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessTracerouteRunner.class);
  private static final AtomicInteger RUNNER_IDS = new AtomicInteger();

  private final TracerouteConfig config;
  private final CommandExecutor executor;
  private final Map<String, String> env;
  private final TracerouteParser parser = new TracerouteParser();
  private final ExecutorService threads;
  private final Set<Run> runs = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** A runner starting real processes. */
  public ProcessTracerouteRunner(TracerouteConfig config) {
    this(config, new ProcessCommandExecutor(), System.getenv());
  }

  /** A runner starting commands through {@code executor}; {@code env} supplies the PATH. */
  public ProcessTracerouteRunner(
      TracerouteConfig config, CommandExecutor executor, Map<String, String> env) {
    this.config = config;
    this.executor = executor;
    this.env = Map.copyOf(env);
    int id = RUNNER_IDS.incrementAndGet();
    AtomicInteger threadIds = new AtomicInteger();
    this.threads = Executors.newFixedThreadPool(config.parallelism(), r -> {
      Thread t = new Thread(r, "traceroute-" + id + "-" + threadIds.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** The configuration runs use. */
  public TracerouteConfig config() {
    return config;
  }

  @Override
  public CompletableFuture<TracerouteResult> trace(String target) {
    CompletableFuture<TracerouteResult> future = new CompletableFuture<>();
    List<String> argv;
    try {
      if (closed) {
        throw new TracerouteException(TracerouteError.CANCELLED, "the runner is closed");
      }
      Path binary = BinaryLocator.locate(config.binary(), env);
      argv = TracerouteCommand.argv(config, binary.toString(), target);
    } catch (TracerouteException e) {
      future.completeExceptionally(e);
      return future;
    }
    Run run = new Run(argv, future);
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
      future.completeExceptionally(
          new TracerouteException(TracerouteError.CANCELLED, "the runner is closed"));
    }
    return future;
  }

  @Override
  public void close() {
    closed = true;
    for (Run run : List.copyOf(runs)) {
      run.future.completeExceptionally(new TracerouteException(TracerouteError.CANCELLED,
          "the runner was closed before the trace finished"));
      run.kill();
    }
    threads.shutdownNow();
  }

  /** One queued or running traceroute. */
  private final class Run implements Runnable {
    private final List<String> argv;
    private final CompletableFuture<TracerouteResult> future;
    private RunningCommand command;
    private boolean killed;

    Run(List<String> argv, CompletableFuture<TracerouteResult> future) {
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
        CommandOutput output = started.await(config.runTimeout());
        if (output == null) {
          kill();
          throw new TracerouteException(TracerouteError.TIMEOUT, "traceroute ran longer than "
              + config.runTimeout() + " and was killed: " + String.join(" ", argv));
        }
        future.complete(interpret(output));
      } catch (TracerouteException e) {
        future.completeExceptionally(e);
      } catch (IOException e) {
        future.completeExceptionally(new TracerouteException(TracerouteError.PROCESS_FAILED,
            "could not run " + String.join(" ", argv) + ": " + e.getMessage(), e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
        future.completeExceptionally(
            new TracerouteException(TracerouteError.CANCELLED, "interrupted"));
      } catch (RuntimeException e) {
        future.completeExceptionally(new TracerouteException(TracerouteError.PROCESS_FAILED,
            "traceroute failed: " + e, e));
      }
    }

    private synchronized RunningCommand start() throws IOException {
      if (killed) {
        return null;
      }
      LOG.debug("running {}", argv);
      command = executor.start(argv);
      return command;
    }

    /** Stops the run: it will not start, or its process is killed (once). */
    synchronized void kill() {
      if (killed) {
        return;
      }
      killed = true;
      if (command != null) {
        command.kill();
      }
    }

    private TracerouteResult interpret(CommandOutput output) {
      if (output.exitCode() != 0) {
        throw new TracerouteException(TracerouteError.PROCESS_FAILED, String.join(" ", argv)
            + " exited with status " + output.exitCode() + ": " + abbreviate(output.stderr()));
      }
      return parser.parse(output.stdout());
    }
  }

  private static String abbreviate(String s) {
    String t = s.strip();
    return t.length() <= 500 ? t : t.substring(0, 497) + "...";
  }
}
