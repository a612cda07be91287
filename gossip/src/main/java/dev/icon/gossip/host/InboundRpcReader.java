package dev.icon.gossip.host;

import dev.icon.gossip.wire.GossipWireException;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.api.StreamReader;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one inbound pubsub stream: decodes RPC frames and hands each to the router side. A
 * malformed or oversized frame resets the stream (the connection and the peer's other streams
 * stay), is counted in {@code frames.malformed} and logged at debug level only, since the cause is
 * remote input.
 *
 * <p>Threading: called on the stream's event loop, one call at a time.
 */
final class InboundRpcReader implements StreamReader {
  private static final Logger LOG = LoggerFactory.getLogger(InboundRpcReader.class);
  private final Stream stream;
  private final RpcFrameDecoder decoder;
  private final GossipMetrics metrics;
  private final PeerEvents events;
  private boolean failed;

  InboundRpcReader(Stream stream, int maxRpcSize, GossipMetrics metrics, PeerEvents events) {
    this.stream = stream;
    this.decoder = new RpcFrameDecoder(maxRpcSize);
    this.metrics = metrics;
    this.events = events;
  }

  @Override
  public void onData(ByteBuffer data) {
    if (failed) {
      data.position(data.limit());
      return;
    }
    try {
      List<RpcFrameDecoder.Frame> frames = decoder.feed(data);
      if (frames.isEmpty()) {
        return;
      }
      List<RPC> rpcs = new ArrayList<>(frames.size());
      for (RpcFrameDecoder.Frame f : frames) {
        metrics.rpcsIn.increment();
        metrics.control.count(stream.remotePeer(), f.rpc(), false);
        metrics.bytesIn.increment(f.wireBytes());
        rpcs.add(f.rpc());
      }
      events.rpcs(stream.remotePeer(), rpcs); // one router task per read, not per RPC
    } catch (GossipWireException e) {
      failed = true;
      metrics.framesMalformed.increment();
      LOG.debug("resetting pubsub stream from {}: {}", stream.remotePeer(), e.getMessage());
      stream.reset();
    }
  }

  /** The remote closed its outbound stream: we never write on it, so close it fully. */
  @Override
  public void onRemoteClosed() {
    stream.close();
  }
}
