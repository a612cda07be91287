package dev.icon.overlay.yamux;

/**
 * Receive-side flow control of one stream, with window auto-tuning. Not thread-safe: used on the
 * connection's event loop only.
 *
 * <p>The remote may send {@link #credit()} more bytes. Bytes the application has consumed are
 * returned to the remote in one window update once they reach half the window. Auto-tuning: if
 * half a window was consumed in less than {@value #RTT_FACTOR} round trips since the previous
 * update, the window is the bottleneck, so it doubles (the growth is added to the update), never
 * beyond the maximum.
 */
final class ReceiveWindow {
  /** How many RTTs a half-window may take to be consumed and still count as "too fast". */
  static final int RTT_FACTOR = 4;

  private final long max;
  private long window;
  private long credit;
  private long consumed;
  private long epochStart;
  private boolean epochStarted;

  /** Starts at the spec's implicit window; {@link #initialDelta} raises it to {@code initial}. */
  ReceiveWindow(long initial, long max) {
    this.window = initial;
    this.max = max;
    this.credit = YamuxProtocol.INITIAL_WINDOW;
  }

  /** The delta to announce with SYN/ACK so the remote may send {@code initial}; adds it. */
  long initialDelta() {
    long delta = window - YamuxProtocol.INITIAL_WINDOW;
    credit += delta;
    return delta;
  }

  /** Records {@code n} received bytes; false if they exceed the granted credit (a violation). */
  boolean onReceive(long n) {
    if (n > credit) {
      return false;
    }
    credit -= n;
    return true;
  }

  /**
   * Records {@code n} bytes consumed by the application.
   *
   * @param nowNanos the current time
   * @param rttNanos the connection's last measured RTT, or 0 when unknown (no auto-tuning)
   * @return the window delta to send now, or 0 when no update is due yet
   */
  long onConsumed(long n, long nowNanos, long rttNanos) {
    consumed += n;
    if (consumed < window / 2) {
      return 0;
    }
    if (!epochStarted) {
      epochStarted = true;
    } else if (rttNanos > 0 && nowNanos - epochStart < RTT_FACTOR * rttNanos && window < max) {
      long grown = Math.min(window * 2, max);
      consumed += grown - window;
      window = grown;
    }
    epochStart = nowNanos;
    long delta = consumed;
    consumed = 0;
    credit += delta;
    return delta;
  }

  /** The current window size (what the remote may have in flight at most). */
  long window() {
    return window;
  }

  /** How many more bytes the remote may send right now. */
  long credit() {
    return credit;
  }
}
