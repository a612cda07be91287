package dev.icon.node.decide;

/**
 * One ICON's money, in micro-units ({@code dev.icon.market.clearing.Micros}): what it was given,
 * what it spent, what it granted to children and what came back. Never negative: a spend or grant
 * larger than what is available is refused whole. The invariant {@code received - spent - granted
 * + returned == available()} holds after every call.
 *
 * <p>Threading: thread-safe (synchronized); the decision loop and the tree binding share it.
 */
public final class Budget {

  private long available;
  private long received;
  private long spent;
  private long granted;
  private long returned;
  private boolean closed;

  /** A budget holding {@code initialMicros} (received from the owner or a parent's grant). */
  public Budget(long initialMicros) {
    if (initialMicros < 0) {
      throw new IllegalArgumentException("initialMicros must be >= 0: " + initialMicros);
    }
    this.available = initialMicros;
    this.received = initialMicros;
  }

  /** What can still be spent or granted. */
  public synchronized long available() {
    return available;
  }

  /** Total spent so far. */
  public synchronized long spent() {
    return spent;
  }

  /** Total granted to children so far. */
  public synchronized long granted() {
    return granted;
  }

  /** Total returned by children so far. */
  public synchronized long returned() {
    return returned;
  }

  /** True once {@link #close()} ran: nothing more can be spent or granted. */
  public synchronized boolean isClosed() {
    return closed;
  }

  /** Spends {@code micros}; false (and nothing spent) when not enough is available or closed. */
  public synchronized boolean trySpend(long micros) {
    positive("micros", micros);
    if (closed || micros > available) {
      return false;
    }
    available -= micros;
    spent += micros;
    return true;
  }

  /**
   * Sets {@code shareMicros} aside for a child (split on replication).
   *
   * @throws IllegalStateException when more than available, or closed
   */
  public synchronized long split(long shareMicros) {
    positive("shareMicros", shareMicros);
    if (closed) {
      throw new IllegalStateException("budget is closed: no grant");
    }
    if (shareMicros > available) {
      throw new IllegalStateException("cannot grant " + shareMicros + " micros: only "
          + available + " available");
    }
    available -= shareMicros;
    granted += shareMicros;
    return shareMicros;
  }

  /**
   * Takes back what a child returns on termination (or a grant whose child never started). At most
   * what was granted and not yet returned.
   *
   * @throws IllegalArgumentException when more comes back than is outstanding
   */
  public synchronized void receiveReturn(long micros) {
    if (micros < 0) {
      throw new IllegalArgumentException("returned micros must be >= 0: " + micros);
    }
    if (micros > granted - returned) {
      throw new IllegalArgumentException("return of " + micros + " micros exceeds the "
          + (granted - returned) + " outstanding in grants");
    }
    available += micros;
    returned += micros;
  }

  /**
   * Closes the budget and hands back everything left (return on termination); later calls return 0.
   */
  public synchronized long close() {
    closed = true;
    long left = available;
    available = 0;
    return left;
  }

  /** Received, spent, granted, returned and available, for status output. */
  @Override
  public synchronized String toString() {
    return "Budget[received=" + received + ", spent=" + spent + ", granted=" + granted
        + ", returned=" + returned + ", available=" + available + (closed ? ", closed" : "") + "]";
  }

  private static void positive(String name, long v) {
    if (v <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + v);
    }
  }
}
