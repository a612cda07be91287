package dev.icon.overlay.host;

import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.api.PeerInfo;
import dev.icon.overlay.identify.IdentifyCodec;
import dev.icon.overlay.identify.IdentifyProtocol;
import dev.icon.overlay.identify.IdentifyReceiver;
import dev.icon.overlay.identify.IdentifyVerifier;
import dev.icon.proto.libp2p.identify.Identify;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DuplexChannel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identify and identify push for one host: asks every new connection's peer, answers requests,
 * accepts pushes and pushes our own changes. Results are verified (key matches peer id), stored in
 * the peer store and announced to listeners. A failure closes only the identify stream.
 * Thread-safe.
 */
final class IdentifyService {

  private static final Logger LOG = LoggerFactory.getLogger(IdentifyService.class);

  private final NettyHost host;
  private final MemoryPeerStore peerStore;
  private final HostConfig config;

  IdentifyService(NettyHost host, MemoryPeerStore peerStore, HostConfig config) {
    this.host = host;
    this.peerStore = peerStore;
    this.config = config;
  }

  /** Our message for a peer on {@code c} (its address goes in observedAddr). */
  Identify message(HostConnection c) {
    return IdentifyVerifier.build(host.identity().publicKey(), host.listenAddrs(), host.protocols(),
        Optional.of(c.remoteAddress()), config.agentVersion());
  }

  /** Asks the peer of a new connection to identify itself. */
  void identify(HostConnection c) {
    c.openStream(List.of(IdentifyProtocol.ID), (ch, id) -> {
      IdentifyReceiver r = new IdentifyReceiver(config.maxIdentifyMessageSize());
      ch.pipeline().addLast("identify", r);
      return r;
    }).thenCompose(IdentifyReceiver::received)
        .orTimeout(config.protocolTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((msg, e) -> {
          if (e != null) {
            LOG.debug("identify of {} failed: {}", c.remotePeer(), e.toString());
          } else {
            accept(c, msg);
          }
        });
  }

  /** Answers an inbound {@code /ipfs/id/1.0.0} stream: one message, then our end of stream. */
  void respond(HostConnection c, Channel ch) {
    writeAndFinish(ch, message(c));
  }

  /** Reads an inbound push. */
  void receivePush(HostConnection c, Channel ch) {
    IdentifyReceiver r = new IdentifyReceiver(config.maxIdentifyMessageSize());
    ch.pipeline().addLast("identify-push", r);
    r.received().whenComplete((msg, e) -> {
      if (e == null) {
        // A push may carry only what changed; the key is then the one the handshake proved.
        accept(c, msg.hasPublicKey() ? msg : msg.toBuilder()
            .setPublicKey(com.google.protobuf.ByteString.copyFrom(c.secureSession().remoteKey().toProtobuf()))
            .build());
      }
    });
  }

  /** Pushes our current message to every connected peer. */
  void pushToAll() {
    for (HostConnection c : host.hostConnections()) {
      c.openStream(List.of(IdentifyProtocol.PUSH_ID), (ch, id) -> {
        writeAndFinish(ch, message(c));
        return ch;
      }).whenComplete((ch, e) -> {
        if (e != null) {
          LOG.debug("identify push to {} failed: {}", c.remotePeer(), e.toString());
        }
      });
    }
  }

  private void accept(HostConnection c, Identify msg) {
    PeerInfo info;
    try {
      info = IdentifyVerifier.verify(msg, c.remotePeer());
    } catch (RuntimeException e) {
      LOG.info("rejecting identify from {}: {}", c.remotePeer(), e.getMessage());
      return;
    }
    peerStore.update(c.remotePeer(), info);
    info.observedAddr().ifPresent(peerStore::addObserved);
    host.fireIdentified(c.remotePeer(), info);
  }

  private static void writeAndFinish(Channel ch, Identify msg) {
    ch.writeAndFlush(IdentifyCodec.encode(ch.alloc(), msg)).addListener((ChannelFutureListener) f -> {
      if (ch instanceof DuplexChannel d) {
        d.shutdownOutput();
      } else {
        ch.close();
      }
    });
  }
}
