package dev.icon.node.runtime.process;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The last {@code capacity} lines of a process's output, each cut to {@value #MAX_LINE} chars, so
 * a chatty service cannot fill memory. Thread-safe (one reader thread appends, callers read).
 */
final class LogTail {

  static final int MAX_LINE = 4096;

  private final int capacity;
  private final ArrayDeque<String> lines = new ArrayDeque<>();

  LogTail(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(String line) {
    if (line.length() > MAX_LINE) {
      line = line.substring(0, MAX_LINE) + "...";
    }
    if (lines.size() == capacity) {
      lines.removeFirst();
    }
    lines.addLast(line);
  }

  /** The last {@code max} lines, oldest first. */
  synchronized List<String> last(int max) {
    List<String> all = List.copyOf(lines);
    return all.subList(Math.max(0, all.size() - Math.max(0, max)), all.size());
  }
}
