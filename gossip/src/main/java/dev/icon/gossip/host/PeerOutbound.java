package dev.icon.gossip.host;

import dev.icon.overlay.api.Stream;
import java.util.ArrayDeque;

/**
 * One peer's outbound side: a bounded queue of encoded frames written, in order, on our single
 * outbound pubsub stream to it. Frames queue while the stream is being (re)opened; writes go out in
 * bursts of at most {@link #WRITE_BURST} bytes, each after {@link Stream#writable()} answered. The bound counts bytes queued plus bytes handed to the stream whose
 * write has not completed; a frame that would pass it is dropped and counted.
 *
 * <p>Threading: thread-safe (one lock per peer); {@link #enqueue} is called on the router thread,
 * completions arrive on the stream's event loop.
 */
final class PeerOutbound {
  private final long maxQueuedBytes;
  private final GossipMetrics metrics;
  /** Bytes written after a writability check before the stream is asked again. */
  static final int WRITE_BURST = 256 * 1024;
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
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
    while (stream != null && !waitingForWritable && !queue.isEmpty()) {
      if (burst >= WRITE_BURST) {
        // Stream.writable() answers asynchronously: wait for it, then write a burst.
        waitingForWritable = true;
        Stream s = stream;
        stream.writable().whenComplete((v, e) -> resume(s));
        return;
      }
      byte[] frame = queue.poll();
      burst += frame.length;
      stream.write(frame).whenComplete((v, e) -> written(frame.length));
    }
  }

  private synchronized void resume(Stream s) {
    if (stream == s) {
      waitingForWritable = false;
      burst = 0;
      drain();
    }
  }

  private synchronized void written(int bytes) {
    pendingBytes -= bytes;
  }
}
