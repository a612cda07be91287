package dev.icon.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A ledger member ({@link LedgerMemberMain}) in a JVM of its own, started with this test JVM's
 * class path and the Atomix JVM flags (system property {@code atomix.jvm.args}, set by the pom).
 * {@link #call} sends one command and waits for its answer line; {@link #kill()} is kill -9
 * ({@link Process#destroyForcibly()}, SIGKILL on Linux). The child's stderr goes to a log file
 * under its data directory's parent, shown in failures.
 *
 * <p>Threading: {@link #call} is synchronized (one command at a time per member); the rest may be
 * called from any thread. {@link #close()} asks the member to quit, then kills it; idempotent.
 */
final class LedgerMemberProcess implements AutoCloseable {

  static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  final String id;
  private final Process process;
  private final Writer stdin;
  private final Path log;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private LedgerMemberProcess(String id, Process process, Path log) {
    this.id = id;
    this.process = process;
    this.log = log;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readStdout, "ledger-" + id + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts member {@code id} on {@code dataDir} in a cluster of {@code members} (id@host:port,...). */
  static LedgerMemberProcess start(String id, Path dataDir, String members) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("atomix.jvm.args",
        "--add-opens java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens java.base/java.util=ALL-UNNAMED").split(" ")));
    command.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        LedgerMemberMain.class.getName(), id, dataDir.toString(), members));
    Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      return new LedgerMemberProcess(id, p, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start ledger member " + id, e);
    }
  }

  /** Blocks until the member has opened its ledger (cluster formed), or fails. */
  void awaitReady() {
    String line = next(READY_TIMEOUT, "READY");
    if (!"READY".equals(line)) {
      throw new AssertionError("member " + id + " printed '" + line + "' instead of READY" + logTail());
    }
  }

  /** Sends {@code command}; returns the answer after {@code OK }; throws {@link Refused} for {@code ERR}. */
  synchronized String call(String command) {
    try {
      stdin.write(command + "\n");
      stdin.flush();
    } catch (IOException e) {
      throw new AssertionError("member " + id + " is not reading commands (dead?)" + logTail(), e);
    }
    String line = next(CALL_TIMEOUT, "an answer to " + command);
    if (line.startsWith("OK ")) {
      return line.substring(3);
    }
    if (line.startsWith("ERR ")) {
      throw new Refused(line.substring(4));
    }
    throw new AssertionError("member " + id + " answered '" + line + "' to " + command);
  }

  /** kill -9: the process ends at once, nothing of it runs at exit. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("member " + id + " survived SIGKILL for 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        stdin.write("quit\n");
        stdin.flush();
        process.waitFor(20, TimeUnit.SECONDS);
      } catch (IOException e) {
        // already gone
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      kill();
    }
  }

  private String next(Duration timeout, String what) {
    try {
      String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (line == null) {
        throw new AssertionError("member " + id + " gave no " + what + " within " + timeout
            + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")") + logTail());
      }
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private void readStdout() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.equals("READY") || line.startsWith("OK ") || line.startsWith("ERR ")) {
          lines.add(line); // anything else on stdout (a stray log line) is not an answer
        }
      }
    } catch (IOException e) {
      // the process died; next() reports it
    }
    lines.add("EOF");
  }

  private String logTail() {
    try {
      List<String> all = Files.readAllLines(log);
      return "\n--- " + log + " (tail) ---\n"
          + all.subList(Math.max(0, all.size() - 40), all.size()).stream().collect(Collectors.joining("\n"));
    } catch (IOException e) {
      return " (no log " + log + ")";
    }
  }

  /** An {@code ERR} answer: a refusal or failure reported by the member's ledger. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }

    /** The {@code LedgerError} name, first word of the answer. */
    String error() {
      return getMessage().split(" ", 2)[0];
    }
  }
}
