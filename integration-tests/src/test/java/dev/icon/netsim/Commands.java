package dev.icon.netsim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands to completion with a timeout and collects their output: in the host's namespace
 * (only {@code ip}, {@code gcc} and the like, never a packet to a namespace address) or inside a
 * namespace through {@code ip netns exec}. Stateless, thread-safe.
 */
public final class Commands {

  /** How a command ended. */
  public record Result(int exitCode, String stdout, String stderr) {

    /** Whether it exited 0. */
    public boolean ok() {
      return exitCode == 0;
    }
  }

  private Commands() {}

  /** The words that run a command inside namespace {@code ns}. */
  public static List<String> inNamespace(String ns) {
    return List.of("ip", "netns", "exec", ns);
  }

  /** Runs {@code argv}, whatever its exit code. */
  public static Result run(List<String> argv, Duration timeout) throws IOException {
    return run(argv, null, timeout);
  }

  /** Runs {@code argv} with {@code input} (or nothing) on its stdin, whatever its exit code. */
  public static Result run(List<String> argv, String input, Duration timeout) throws IOException {
    Path err = Files.createTempFile("netsim-", ".err");
    Path in = input == null ? Path.of("/dev/null") : Files.createTempFile("netsim-", ".in");
    try {
      if (input != null) {
        Files.writeString(in, input);
      }
      Process p = new ProcessBuilder(argv).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(in.toFile())).start();
      byte[] out;
      try {
        // Output is small (ping, traceroute, ip); read it all, then the exit code.
        java.util.concurrent.CompletableFuture<byte[]> reader =
            java.util.concurrent.CompletableFuture.supplyAsync(() -> {
              try {
                return p.getInputStream().readAllBytes();
              } catch (IOException e) {
                return new byte[0];
              }
            });
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          throw new IOException("timed out after " + timeout + ": " + String.join(" ", argv));
        }
        out = reader.join();
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted: " + String.join(" ", argv), e);
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
          Files.readString(err));
    } finally {
      Files.deleteIfExists(err);
      if (input != null) {
        Files.deleteIfExists(in);
      }
    }
  }

  /** Runs {@code ip -n NS -batch -} over {@code lines} (one ip command each, without "ip"). */
  public static void ipBatch(String ns, List<String> lines) throws IOException {
    if (lines.isEmpty()) {
      return;
    }
    Result r = run(List.of("ip", "-n", ns, "-batch", "-"), String.join("\n", lines) + "\n",
        Duration.ofSeconds(30));
    if (!r.ok()) {
      throw new IOException("ip -n " + ns + " -batch failed (" + r.exitCode() + "): "
          + r.stderr().strip() + "\n  commands:\n  " + String.join("\n  ", lines));
    }
  }

  /** Runs {@code argv}; fails naming the command and its output unless it exits 0. */
  public static String check(String... argv) throws IOException {
    Result r = run(List.of(argv), Duration.ofSeconds(30));
    if (!r.ok()) {
      throw new IOException(String.join(" ", argv) + " exited " + r.exitCode() + ": "
          + r.stderr().strip() + r.stdout().strip());
    }
    return r.stdout();
  }

  /** Runs {@code argv} inside {@code ns}; fails unless it exits 0. */
  public static String checkIn(String ns, String... argv) throws IOException {
    List<String> all = new ArrayList<>(inNamespace(ns));
    all.addAll(List.of(argv));
    return check(all.toArray(String[]::new));
  }
}
