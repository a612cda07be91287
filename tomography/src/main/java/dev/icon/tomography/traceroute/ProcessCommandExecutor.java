package dev.icon.tomography.traceroute;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as real processes. Output goes to temporary files (so neither pipe can fill up and
 * block the process), read back when it exits, at most {@value #MAX_CAPTURE} bytes of each.
 * Thread-safe.
 */
public final class ProcessCommandExecutor implements CommandExecutor {

  /** Bytes of stdout or stderr kept; the rest is dropped. */
  public static final int MAX_CAPTURE = 2 << 20;

  @Override
  public RunningCommand start(List<String> argv) throws IOException {
    Path out = Files.createTempFile("icon-cmd-", ".out");
    Path err = Files.createTempFile("icon-cmd-", ".err");
    try {
      Process p = new ProcessBuilder(argv)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .start();
      return new Running(p, out, err);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      throw e;
    }
  }

  private static final class Running implements RunningCommand {
    private final Process process;
    private final Path out;
    private final Path err;

    Running(Process process, Path out, Path err) {
      this.process = process;
      this.out = out;
      this.err = err;
    }

    @Override
    public CommandOutput await(Duration timeout) throws InterruptedException, IOException {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return null;
      }
      try {
        return new CommandOutput(process.exitValue(), read(out), read(err));
      } finally {
        cleanUp();
      }
    }

    @Override
    public void kill() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      cleanUp();
    }

    private void cleanUp() {
      try {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      } catch (IOException ignored) {
        // A leftover temp file is harmless.
      }
    }

    private static String read(Path file) throws IOException {
      try (InputStream in = Files.newInputStream(file)) {
        return new String(in.readNBytes(MAX_CAPTURE), StandardCharsets.UTF_8);
      }
    }
  }
}
