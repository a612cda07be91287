package dev.icon.node.runtime.process;

import dev.icon.node.runtime.Workload;
import dev.icon.node.runtime.WorkloadState;
import dev.icon.node.runtime.WorkloadStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One running (or ended) local process of {@link ProcessRuntime}: the process, its state
 * directory and the tail of its output, read by one daemon thread. Thread-safe.
 */
final class ProcessWorkload {

  private final Workload workload;
  private final Process process;
  private final Path stateDir;
  private final LogTail logs;

  ProcessWorkload(Workload workload, Process process, Path stateDir, int logLines) {
    this.workload = workload;
    this.process = process;
    this.stateDir = stateDir;
    this.logs = new LogTail(logLines);
    Thread reader = new Thread(this::readOutput, "icon-process-log-" + workload.id());
    reader.setDaemon(true);
    reader.start();
  }

  Workload workload() {
    return workload;
  }

  Path stateDir() {
    return stateDir;
  }

  LogTail logs() {
    return logs;
  }

  WorkloadStatus status() {
    return process.isAlive()
        ? new WorkloadStatus(WorkloadState.RUNNING, null)
        : new WorkloadStatus(WorkloadState.EXITED, process.exitValue());
  }

  /** Null while running, else why it cannot become healthy. */
  String exitReason() {
    return process.isAlive() ? null : "exited (" + process.exitValue() + ")";
  }

  /**
   * SIGTERM to the process and its descendants, SIGKILL to whatever is left after
   * {@code timeout}. Returns whether it needed SIGKILL.
   */
  boolean stop(Duration timeout) throws InterruptedException {
    if (!process.isAlive()) {
      return false;
    }
    var children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      return false;
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    children.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return true;
  }

  /** Reads lines of at most {@link LogTail#MAX_LINE} chars; a longer line is split, never buffered whole. */
  private void readOutput() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) != -1) {
        if (c == '\n' || line.length() == LogTail.MAX_LINE) {
          logs.add(line.toString());
          line.setLength(0);
          if (c == '\n') {
            continue;
          }
        }
        line.append((char) c);
      }
      if (line.length() > 0) {
        logs.add(line.toString());
      }
    } catch (IOException e) {
      logs.add("[log reader ended: " + e.getMessage() + "]");
    }
  }
}
