package dev.icon.overlay.yamux;

import dev.icon.overlay.spi.Role;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream table of one session: stream ids by role (initiator odd, responder even), the limit
 * of streams per connection, the refusal count that marks an abusive remote, and the ACK backlog
 * with the opens waiting for it. Event loop only, except {@link #count()}.
 *
 * <p>Remote stream ids are checked for parity and against live streams; an id reused after its
 * stream ended is accepted as new (go-yamux may send SYNs slightly out of order, so ids are not
 * required to increase).
 */
final class YamuxStreams {
  private static final Logger log = LoggerFactory.getLogger(YamuxStreams.class);

  private record PendingOpen(ChannelInitializer<Channel> init, CompletableFuture<Channel> result) {}

  private final YamuxHandler session;
  private final YamuxConfig config;
  private final int remoteParity;
  private final Map<Integer, YamuxStreamChannel> streams = new HashMap<>();
  private final ArrayDeque<PendingOpen> pendingOpens = new ArrayDeque<>();
  private long nextStreamId;
  private int unackedOutbound;
  private int rejections;
  private volatile int count;

  YamuxStreams(YamuxHandler session, Role role, YamuxConfig config) {
    this.session = session;
    this.config = config;
    this.nextStreamId = role == Role.INITIATOR ? 1 : 2;
    this.remoteParity = role == Role.INITIATOR ? 0 : 1;
  }

  /** Streams in the table (open, or closed locally and waiting for the remote). Any thread. */
  int count() {
    return count;
  }

  boolean isEmpty() {
    return streams.isEmpty();
  }

  YamuxStreamChannel get(int id) {
    return streams.get(id);
  }

  /** A copy of the live streams, safe to iterate while streams close. */
  List<YamuxStreamChannel> snapshot() {
    return new ArrayList<>(streams.values());
  }

  /**
   * Handles a remote SYN on {@code id}.
   *
   * @param refuse true while going away: every new stream is answered with RST
   * @return the new stream, or null when it was refused with RST
   * @throws YamuxException a connection error for a bad id or an abusive remote
   */
  YamuxStreamChannel accept(int id, boolean refuse, ChannelInitializer<Channel> init) {
    if ((id & 1) != remoteParity) {
      throw new YamuxException(YamuxError.INVALID_STREAM_ID,
          "SYN on stream " + Integer.toUnsignedString(id) + " with our parity");
    }
    if (streams.containsKey(id)) {
      throw new YamuxException(YamuxError.INVALID_STREAM_ID,
          "SYN reuses live stream " + Integer.toUnsignedString(id));
    }
    if (refuse) {
      sendRst(id);
      return null;
    }
    if (streams.size() >= config.maxStreams()) {
      sendRst(id);
      if (++rejections > config.maxStreamRejections()) {
        throw new YamuxException(YamuxError.STREAM_LIMIT_ABUSE,
            "remote opened " + rejections + " streams beyond the limit of " + config.maxStreams());
      }
      log.debug("yamux: refused stream {} on {}: limit {}", Integer.toUnsignedString(id),
          session.connection(), config.maxStreams());
      return null;
    }
    YamuxStreamChannel s = new YamuxStreamChannel(session, id, false);
    add(s);
    long delta = s.receiveWindow().initialDelta();
    if (delta > 0) {
      s.sendAckNow(delta);
      session.flush();
    }
    session.register(s, init, null);
    return s;
  }

  /** Opens an outbound stream now, queues it behind the ACK backlog, or fails on the limit. */
  void open(ChannelInitializer<Channel> init, CompletableFuture<Channel> result) {
    if (streams.size() + pendingOpens.size() >= config.maxStreams()) {
      result.completeExceptionally(new YamuxException(YamuxError.STREAM_LIMIT,
          "already " + streams.size() + " streams, limit " + config.maxStreams()));
    } else if (unackedOutbound >= config.ackBacklog()) {
      pendingOpens.add(new PendingOpen(init, result));
    } else {
      openNow(init, result);
    }
  }

  private void openNow(ChannelInitializer<Channel> init, CompletableFuture<Channel> result) {
    if (nextStreamId > 0xFFFF_FFFFL) {
      result.completeExceptionally(
          new YamuxException(YamuxError.STREAM_IDS_EXHAUSTED, "no stream ids left"));
      return;
    }
    int id = (int) nextStreamId;
    nextStreamId += 2;
    YamuxStreamChannel s = new YamuxStreamChannel(session, id, true);
    add(s);
    unackedOutbound++;
    // SYN right away, as a window update announcing any window beyond the spec's 256 KiB.
    session.writeFrame(
        YamuxFrame.windowUpdate(id, YamuxFrame.SYN, s.receiveWindow().initialDelta()));
    session.flush();
    session.register(s, init, result);
  }

  /** The remote acknowledged (or reset, or we ended) an outbound stream: frees backlog room. */
  void acknowledged(YamuxStreamChannel s) {
    if (s.markAcknowledged()) {
      unackedOutbound--;
      while (!pendingOpens.isEmpty() && unackedOutbound < config.ackBacklog()) {
        PendingOpen p = pendingOpens.poll();
        YamuxException refusal = session.openRefusal();
        if (refusal != null) {
          p.result.completeExceptionally(refusal);
        } else {
          openNow(p.init, p.result);
        }
      }
    }
  }

  /** Removes an ended stream; true if it was in the table. */
  boolean remove(YamuxStreamChannel s) {
    if (!streams.remove(s.streamId(), s)) {
      return false;
    }
    count = streams.size();
    acknowledged(s);
    return true;
  }

  /** Fails every open waiting for the ACK backlog. */
  void failPending(YamuxException cause) {
    PendingOpen p;
    while ((p = pendingOpens.poll()) != null) {
      p.result.completeExceptionally(cause);
    }
  }

  private void add(YamuxStreamChannel s) {
    streams.put(s.streamId(), s);
    count = streams.size();
  }

  private void sendRst(int id) {
    session.writeFrame(YamuxFrame.windowUpdate(id, YamuxFrame.RST, 0));
    session.flush();
  }
}
