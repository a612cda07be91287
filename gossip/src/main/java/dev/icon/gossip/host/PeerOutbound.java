package dev.icon.gossip.host;

import dev.icon.overlay.api.Stream;
import java.util.ArrayDeque;

/**
 * One peer's outbound side: a bounded queue of encoded frames written, in order, on our single
 * outbound pubsub stream to it. Frames queue while the stream is being (re)opened; writes go out in
 * bursts of at most {@link #WRITE_BURST} bytes, each after {@link Stream#writable()} answered. The
 * bound counts bytes queued plus bytes handed to the stream whose write has not completed; a frame
 * that would pass it is dropped and counted.
 *
 * <p>Coalescing: at most one write is in flight on the stream. Frames queued meanwhile go out
 * together as ONE write (up to {@link #MAX_BATCH} bytes) when it completes, so a busy peer link
 * costs one event-loop task, one Yamux frame, one Noise message and one syscall per batch instead
 * of per RPC; an idle link still writes each frame at once. (Without this, 100 in-JVM nodes at
 * 200 msg/s spent their two cores on per-RPC write overhead and fell minutes behind.)
 *
 * <p>Threading: thread-safe (one lock per peer); {@link #enqueue} is called on the router thread,
 * completions arrive on the stream's event loop.
 */
final class PeerOutbound {
  private final long maxQueuedBytes;
  private final GossipMetrics metrics;
  /** Bytes written after a writability check before the stream is asked again. */
  static final int WRITE_BURST = 256 * 1024;
  /** Largest coalesced write: one Yamux data frame at the default {@code maxSendFrame}. */
  static final int MAX_BATCH = 64 * 1024;
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
  private boolean writing; // a write was handed to the stream and has not completed
  private long burst = WRITE_BURST; // bytes written since the last writable() answer
  private long pendingBytes;
  private Stream stream;
  private boolean waitingForWritable;
  private boolean closed;

  PeerOutbound(long maxQueuedBytes, GossipMetrics metrics) {
    this.maxQueuedBytes = maxQueuedBytes;
    this.metrics = metrics;
  }

  /** Queues one frame; returns false (and counts a drop) when the queue is full or closed. */
  synchronized boolean enqueue(byte[] frame) {
    if (closed || pendingBytes + frame.length > maxQueuedBytes) {
      metrics.framesDropped.increment();
      return false;
    }
    queue.add(frame);
    pendingBytes += frame.length;
    metrics.rpcsOut.increment();
    metrics.bytesOut.increment(frame.length);
    drain();
    return true;
  }

  /** Uses {@code s} for writes from now on (after an open or a reopen) and flushes the queue. */
  void attach(Stream s) {
    synchronized (this) {
      if (!closed) {
        this.stream = s;
        this.waitingForWritable = false;
        this.writing = false;
        this.burst = WRITE_BURST;
        drain();
        return;
      }
    }
    s.close();
  }

  /** Forgets a stream that closed; frames keep queueing until the next {@link #attach}. */
  synchronized void detach(Stream s) {
    if (stream == s) {
      stream = null;
    }
  }

  /** The current stream, or null. */
  synchronized Stream stream() {
    return stream;
  }

  /** Drops the queue and closes the stream (after the writes already handed to it). */
  void close() {
    Stream s;
    synchronized (this) {
      closed = true;
      queue.clear();
      s = stream;
      stream = null;
    }
    if (s != null) {
      s.close(); // outside the lock: close callbacks may run inline
    }
  }

  /** Bytes queued or in flight. */
  synchronized long pendingBytes() {
    return pendingBytes;
  }

  private void drain() {
    while (stream != null && !waitingForWritable && !writing && !queue.isEmpty()) {
      if (burst >= WRITE_BURST) {
        // Stream.writable() answers asynchronously: wait for it, then write a burst.
        waitingForWritable = true;
        Stream s = stream;
        stream.writable().whenComplete((v, e) -> resume(s));
        return;
      }
      byte[] batch = takeBatch();
      burst += batch.length;
      writing = true;
      Stream s = stream;
      // may complete inline (on the event loop), which re-enters drain() for the next batch
      s.write(batch).whenComplete((v, e) -> written(s, batch.length));
    }
  }

  /** Removes the head frame and as many following ones as fit in {@link #MAX_BATCH}, joined. */
  private byte[] takeBatch() {
    byte[] first = queue.poll();
    int total = first.length;
    int count = 1;
    for (byte[] next : queue) {
      if (total + next.length > MAX_BATCH) {
        break;
      }
      total += next.length;
      count++;
    }
    if (count == 1) {
      return first;
    }
    byte[] batch = new byte[total];
    System.arraycopy(first, 0, batch, 0, first.length);
    int at = first.length;
    for (int i = 1; i < count; i++) {
      byte[] next = queue.poll();
      System.arraycopy(next, 0, batch, at, next.length);
      at += next.length;
    }
    return batch;
  }

  private synchronized void resume(Stream s) {
    if (stream == s) {
      waitingForWritable = false;
      burst = 0;
      drain();
    }
  }

  private synchronized void written(Stream s, int bytes) {
    pendingBytes -= bytes;
    if (stream == s) {
      writing = false;
      drain();
    }
  }
}
