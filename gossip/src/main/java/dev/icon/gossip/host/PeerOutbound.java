package dev.icon.gossip.host;

import dev.icon.overlay.api.Stream;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * One peer's outbound side: a bounded queue of encoded frames written, in order, on our single
 * outbound pubsub stream to it. Frames queue while the stream is being (re)opened; writes wait for
 * {@link Stream#writable()}. The bound counts bytes queued plus bytes handed to the stream whose
 * write has not completed; a frame that would pass it is dropped and counted.
 *
 * <p>Threading: thread-safe (one lock per peer); {@link #enqueue} is called on the router thread,
 * completions arrive on the stream's event loop.
 */
final class PeerOutbound {
  private final long maxQueuedBytes;
  private final GossipMetrics metrics;
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
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
      CompletableFuture<Void> writable = stream.writable();
      if (!writable.isDone()) {
        waitingForWritable = true;
        Stream s = stream;
        writable.whenComplete((v, e) -> resume(s));
        return;
      }
      byte[] frame = queue.poll();
      stream.write(frame).whenComplete((v, e) -> written(frame.length));
    }
  }

  private synchronized void resume(Stream s) {
    if (stream == s) {
      waitingForWritable = false;
      drain();
    }
  }

  private synchronized void written(int bytes) {
    pendingBytes -= bytes;
  }
}
