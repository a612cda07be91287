package dev.icon.interop;

/**
 * The last {@code capacity} characters of a text stream (a child process's stderr), for failure
 * messages. Thread-safe: one thread appends while others read.
 */
final class TailBuffer {

  private final int capacity;
  private final StringBuilder text = new StringBuilder();
  private long dropped;

  TailBuffer(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Appends a line (a newline is added), dropping the oldest characters beyond capacity. */
  synchronized void appendLine(String line) {
    text.append(line).append('\n');
    int excess = text.length() - capacity;
    if (excess > 0) {
      text.delete(0, excess);
      dropped += excess;
    }
  }

  /** The retained text, prefixed with a note when older text was dropped. */
  @Override
  public synchronized String toString() {
    return dropped == 0 ? text.toString() : "[" + dropped + " earlier characters dropped]\n" + text;
  }
}
