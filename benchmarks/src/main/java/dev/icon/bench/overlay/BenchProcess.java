package dev.icon.bench.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark participant running as a child process that prints JSON events on stdout (the icon
 * and js peers, the plain TCP harness). stderr goes to a log file so a failure can be read later.
 * Only this process is ever signalled. Used by the overlay and the gossip benchmarks.
 */
public final class BenchProcess implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final Process process;
  private final LinkedBlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
  private final List<JsonNode> seen = new ArrayList<>();

  private final Path eventLog;

  private BenchProcess(String name, Process process, Path eventLog) {
    this.name = name;
    this.process = process;
    this.eventLog = eventLog;
    Thread reader = new Thread(this::readEvents, name + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  public static BenchProcess start(String name, Path dir, Map<String, String> env, Path log,
      List<String> command) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
          .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
      pb.environment().putAll(env);
      Process p = pb.start();
      p.getOutputStream().close();
      return new BenchProcess(name, p, log.resolveSibling(log.getFileName() + ".events"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  private void readEvents() {
    // Stdout is also kept next to the stderr log, so a failed step can be read afterwards.
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        java.io.Writer copy = java.nio.file.Files.newBufferedWriter(eventLog,
            StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        copy.write(line);
        copy.write('\n');
        if (line.startsWith("{")) {
          events.add(JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      // the process ended; await() reports the missing event
    }
  }

  /**
   * The next event named {@code event} (skipping others), or an exception after the timeout or
   * at an {@code error} event.
   */
  public JsonNode await(String event, long timeoutSeconds) throws InterruptedException {
    return await(event, timeoutSeconds, true);
  }

  /**
   * The next event named {@code event} (skipping others), or an exception after the timeout; an
   * {@code error} event (a failed dial of a long-lived peer, say) throws only with {@code
   * failOnError}.
   */
  public JsonNode await(String event, long timeoutSeconds, boolean failOnError)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    for (JsonNode e : seen) {
      if (event.equals(e.path("event").asText())) {
        seen.remove(e);
        return e;
      }
    }
    while (true) {
      long left = deadline - System.nanoTime();
      JsonNode e = left > 0 ? events.poll(Math.min(left, 200_000_000L), TimeUnit.NANOSECONDS) : null;
      if (e == null) {
        if (left <= 0 || (!process.isAlive() && events.isEmpty())) {
          throw new IllegalStateException(name + ": no '" + event + "' event"
              + (process.isAlive() ? " within " + timeoutSeconds + " s" : ", process exited "
              + process.exitValue()) + " (see its log)");
        }
        continue;
      }
      if (failOnError && "error".equals(e.path("event").asText())) {
        throw new IllegalStateException(name + " reported an error: " + e);
      }
      if (event.equals(e.path("event").asText())) {
        return e;
      }
      seen.add(e);
    }
  }

  /** The first listen address printed by a peer. */
  public String listenAddr(long timeoutSeconds) throws InterruptedException {
    return await("listening", timeoutSeconds).path("addrs").get(0).asText();
  }

  /**
   * CPU time the process has used so far, all threads (Linux: utime + stime of /proc/PID/stat),
   * in nanoseconds; -1 when unknown (the process has exited).
   */
  public long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos)
        .orElse(-1L);
  }

  /** Sends SIGHUP (a peer then prints its summary events and keeps running). */
  public void hangUp() {
    try {
      Process kill = new ProcessBuilder("kill", "-HUP", String.valueOf(process.pid()))
          .redirectErrorStream(true).start();
      kill.getInputStream().readAllBytes();
      kill.waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot signal " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Asks the process to shut down (SIGTERM) without waiting: a peer then prints its final events
   * (such as {@code load-summary}), which {@link #await} still reads.
   */
  public void terminate() {
    process.toHandle().destroy();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.toHandle().destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
