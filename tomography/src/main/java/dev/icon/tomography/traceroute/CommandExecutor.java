package dev.icon.tomography.traceroute;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The seam to the operating system: starts a command. {@link ProcessCommandExecutor} runs real
 * processes; tests substitute their own. Implementations are thread-safe.
 */
public interface CommandExecutor {

  /** Starts {@code argv}; the caller must either await it to the end or kill it. */
  RunningCommand start(List<String> argv) throws IOException;

  /** A started command. */
  interface RunningCommand {

    /**
     * Waits for the command to exit and returns what it printed, or null if it is still running
     * after {@code timeout} (it is then left running: kill it).
     */
    CommandOutput await(Duration timeout) throws InterruptedException, IOException;

    /** Ends the command at once (idempotent; harmless after it exited). */
    void kill();
  }

  /**
   * What an exited command printed.
   *
   * @param exitCode the exit status
   * @param stdout standard output
   * @param stderr standard error
   */
  record CommandOutput(int exitCode, String stdout, String stderr) {}
}
