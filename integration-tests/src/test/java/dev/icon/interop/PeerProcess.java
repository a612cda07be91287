package dev.icon.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A command-line peer running as a child process: the js-libp2p interop peer
 * ({@code integration-tests/js-peer/peer.mjs}, {@link #start}) or this project's own
 * {@code ./icon peer} ({@link #startIcon}). Both take the same options and print the same events,
 * so a test or benchmark drives either the same way.
 *
 * <p>Options are the peers' command-line options (see the js peer's README), e.g.
 * {@code PeerProcess.start("--echo-protocol", "/echo/1.0.0", "--perf-server")}. The peer prints one
 * JSON event per line on stdout; a reader thread records them in order, and the await methods
 * block (up to a timeout, on a condition, never by sleeping) until a matching event has been
 * printed, or fail at once if the process has ended. stderr is kept in a bounded buffer and
 * shown in every failure message.
 *
 * <p>Threading: all methods may be called from any thread. Lifecycle: {@link #close()} (or
 * {@link #terminate(Duration)}) sends SIGTERM to this peer's process only, waits for it to exit
 * and kills it forcibly after a timeout; it is idempotent. Use with try-with-resources.
 */
public final class PeerProcess implements AutoCloseable {

  /** How long the peer may take to start listening (node startup plus loading libp2p). */
  public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

  /** How long a SIGTERM'd peer may take before it is killed. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private static final int MAX_EVENTS = 100_000;
  private static final int STDERR_CHARS = 64 * 1024;
  private static final int EVENTS_IN_FAILURES = 40;

  private final List<String> command;
  private final Process process;
  private final ObjectMapper json = new ObjectMapper();
  private final EventLog events = new EventLog(MAX_EVENTS);
  private final TailBuffer stderr = new TailBuffer(STDERR_CHARS);
  private final TailBuffer nonJsonStdout = new TailBuffer(STDERR_CHARS);
  private Thread stdoutReader;
  private Thread stderrReader;

  private PeerProcess(List<String> command, Process process) {
    this.command = command;
    this.process = process;
  }

  /** Starts the two reader threads; called once by the factory, before the peer is returned. */
  private PeerProcess startReaders() {
    String name = "peer-" + process.pid();
    stdoutReader = readLines(name + "-stdout", process.getInputStream(), this::onStdoutLine, events::end);
    stderrReader = readLines(name + "-stderr", process.getErrorStream(), stderr::appendLine, () -> { });
    return this;
  }

  /**
   * Starts {@code node peer.mjs args...} in the js-peer directory and returns at once (use
   * {@link #listenAddrs()} to wait until it listens). Skips or fails the calling test, as
   * {@link dev.icon.testing.Prerequisites} decides, when node or the npm packages are missing.
   */
  public static PeerProcess start(String... args) {
    return start(List.of(args));
  }

  /** As {@link #start(String...)}. */
  public static PeerProcess start(List<String> args) {
    return startScript(JsPeerInstallation.SCRIPT, args);
  }

  /**
   * Starts {@code node script args...} in the js-peer directory: another script there that prints
   * the same kind of JSON event lines (e.g. {@code forge.mjs}, a gossipsub peer with broken
   * signatures). Prerequisites as {@link #start(String...)}.
   */
  public static PeerProcess startScript(String script, List<String> args) {
    JsPeerInstallation installation = JsPeerInstallation.locate();
    List<String> command = new ArrayList<>();
    command.add(installation.node().toString());
    command.add(script);
    command.addAll(args);
    try {
      Process process = new ProcessBuilder(command).directory(installation.directory().toFile()).start();
      process.getOutputStream().close(); // the peer reads nothing from stdin
      return new PeerProcess(List.copyOf(command), process).startReaders();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /**
   * Starts {@code ./icon peer args...} from the repository root on the newest JDK, without
   * rebuilding (the reactor has packaged icon-node before integration tests run).
   */
  public static PeerProcess startIcon(String... args) {
    return startIcon(java.util.Map.of(), args);
  }

  /** As {@link #startIcon(String...)} with extra environment variables (e.g. {@code ICON_JAVA_OPTS}). */
  public static PeerProcess startIcon(java.util.Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>();
    all.add("peer");
    all.addAll(List.of(args));
    return startIconCommand(env, all);
  }

  /**
   * Starts {@code ./icon args...} (any subcommand that prints JSON event lines, e.g. {@code node
   * --config FILE}) as {@link #startIcon(String...)} does.
   */
  public static PeerProcess startIconCommand(java.util.Map<String, String> env, List<String> args) {
    Path root = dev.icon.testing.RepositoryRoot.find();
    List<String> command = new ArrayList<>();
    command.add(root.resolve("icon").toString());
    command.addAll(args);
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
      pb.environment().put("ICON_SKIP_BUILD", "1");
      pb.environment().putAll(env);
      Process process = pb.start();
      process.getOutputStream().close();
      return new PeerProcess(List.copyOf(command), process).startReaders();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /** A predicate matching events named {@code event}, to combine with {@code and(...)}. */
  public static Predicate<JsonNode> named(String event) {
    return e -> event.equals(e.path("event").asText());
  }

  /** The first event named {@code event}; fails (AssertionError) if none comes within {@code timeout}. */
  public JsonNode awaitEvent(String event, Duration timeout) {
    return awaitEvent(named(event), "event '" + event + "'", timeout);
  }

  /** The first event matching {@code matcher}; fails if none comes within {@code timeout}. */
  public JsonNode awaitEvent(Predicate<JsonNode> matcher, Duration timeout) {
    return awaitEvent(matcher, "an event matching " + matcher, timeout);
  }

  /** As {@link #awaitEvent(Predicate, Duration)}, naming what was awaited in the failure message. */
  public JsonNode awaitEvent(Predicate<JsonNode> matcher, String description, Duration timeout) {
    try {
      return events.await(matcher, timeout).orElseThrow(() -> new AssertionError(
          "peer: no " + description + " within " + timeout + (process.isAlive() ? "" : " (process exited)")
              + "\n" + diagnostics()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + description, e);
    }
  }

  /** Every event printed so far that matches, earliest first. */
  public List<JsonNode> events(Predicate<JsonNode> matcher) {
    return events.matching(matcher);
  }

  /** Every event named {@code event} printed so far, earliest first. */
  public List<JsonNode> events(String event) {
    return events.matching(named(event));
  }

  /** The peer's listen addresses, each ending in {@code /p2p/<peer id>}; waits for {@code listening}. */
  public List<String> listenAddrs() {
    List<String> addrs = new ArrayList<>();
    awaitEvent("listening", STARTUP_TIMEOUT).path("addrs").forEach(a -> addrs.add(a.asText()));
    return List.copyOf(addrs);
  }

  /** The first listen address (with {@code /p2p/}); waits for {@code listening}. */
  public String listenAddr() {
    return listenAddrs().get(0);
  }

  /** The peer id (base58), waiting for {@code listening}. */
  public String peerId() {
    return awaitEvent("listening", STARTUP_TIMEOUT).path("peerId").asText();
  }

  /** Waits for the process to exit by itself and returns its exit code; fails after {@code timeout}. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("peer did not exit within " + timeout + "\n" + diagnostics());
      }
      joinReaders();
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the js peer to exit", e);
    }
  }

  /**
   * Sends SIGHUP to this peer's process only (a peer then prints its summary events, such as
   * {@code load-summary}, and keeps running).
   */
  public void hangUp() {
    try {
      Process kill = new ProcessBuilder("kill", "-HUP", String.valueOf(process.pid()))
          .redirectErrorStream(true).start();
      kill.getInputStream().readAllBytes();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill -HUP " + process.pid() + " failed");
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends SIGTERM (if still running), waits up to {@code timeout}, then kills the process
   * forcibly; returns its exit code. Only this peer's own process is signalled.
   */
  public int terminate(Duration timeout) {
    if (process.isAlive()) {
      // SIGTERM through the handle: Process.destroy() would also close our ends of stdout and
      // stderr, losing the peer's last events. The peer stops libp2p and exits 0.
      process.toHandle().destroy();
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
      joinReaders();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    return process.isAlive() ? -1 : process.exitValue();
  }

  /** Stops the peer as {@link #terminate(Duration)} does, with {@link #STOP_TIMEOUT}. Idempotent. */
  @Override
  public void close() {
    terminate(STOP_TIMEOUT);
  }

  /** The captured stderr (the last 64 KiB). */
  public String stderr() {
    return stderr.toString();
  }

  /** The command, recent events and stderr, for failure messages. */
  public String diagnostics() {
    String exit = process.isAlive() ? "running" : "exited with " + process.exitValue();
    String noise = nonJsonStdout.toString();
    return "peer " + command + " (pid " + process.pid() + ", " + exit + ")\n"
        + "--- last events ---\n" + events.tail(EVENTS_IN_FAILURES)
        + (noise.isEmpty() ? "" : "--- non-JSON stdout ---\n" + noise)
        + "--- stderr ---\n" + stderr;
  }

  @Override
  public String toString() {
    return "PeerProcess[pid " + process.pid() + "]";
  }

  private void onStdoutLine(String line) {
    if (line.isBlank()) {
      return;
    }
    try {
      JsonNode node = json.readTree(line);
      if (node != null && node.isObject()) {
        events.add(node);
        return;
      }
    } catch (JsonProcessingException e) {
      // not an event: kept below for the failure message
    }
    nonJsonStdout.appendLine(line);
    events.add(JsonNodeFactory.instance.objectNode().put("event", "non-json").put("line", line));
  }

  private void joinReaders() throws InterruptedException {
    stdoutReader.join(STOP_TIMEOUT.toMillis());
    stderrReader.join(STOP_TIMEOUT.toMillis());
  }

  private static Thread readLines(String name, InputStream in, Consumer<String> sink, Runnable atEnd) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          sink.accept(line);
        }
      } catch (IOException e) {
        sink.accept("[" + name + " read failed: " + e + "]");
      } finally {
        atEnd.run();
      }
    }, Objects.requireNonNull(name));
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
