package dev.icon.overlay.kad;

import com.google.protobuf.ByteString;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.overlay.multiaddr.MultiaddrException;
import dev.icon.proto.libp2p.kad.Message;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The client side of {@code /ipfs/kad/1.0.0} over host streams: a {@link KadQuerier} that opens one
 * stream per request, writes the request framed by {@link KadCodec}, completes with the first
 * response and closes the stream. The peer's learnt addresses ({@link KadPeer#addrs()}) are added
 * to the host's peer store first, so the host can dial it. Every request is bounded by {@link
 * KadConfig#requestTimeout()} (the stream is reset on timeout).
 *
 * <p>Thread-safe; futures complete on the stream's event loop or the timeout's thread.
 */
final class KadStreamClient implements KadQuerier {

  private final Host host;
  private final KadConfig config;

  KadStreamClient(Host host, KadConfig config) {
    this.host = Objects.requireNonNull(host, "host");
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public CompletableFuture<Message> query(KadPeer peer, Message request) {
    return exchange(peer, request, true);
  }

  /** Sends a request that has no response (ADD_PROVIDER); completes when written. */
  CompletableFuture<Void> send(KadPeer peer, Message request) {
    return exchange(peer, request, false).thenApply(m -> null);
  }

  private CompletableFuture<Message> exchange(KadPeer peer, Message request, boolean answered) {
    learnAddresses(peer);
    CompletableFuture<Message> response = new CompletableFuture<>();
    host.newStream(peer.id(), List.of(KadProtocol.ID)).whenComplete((stream, error) -> {
      if (error != null) {
        response.completeExceptionally(error);
        return;
      }
      if (response.isDone()) {
        stream.reset();
        return;
      }
      response.whenComplete((m, e) -> {
        if (e != null) {
          stream.reset();
        } else {
          stream.close();
        }
      });
      stream.channel().eventLoop().execute(() -> install(stream, request, answered, response));
    });
    return response.orTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void install(Stream stream, Message request, boolean answered,
      CompletableFuture<Message> response) {
    var pipeline = stream.channel().pipeline();
    pipeline.addBefore(Stream.HANDLER_NAME, "kad-codec", new KadCodec(config.maxMessageSize()));
    pipeline.addBefore(Stream.HANDLER_NAME, "kad-client", new SimpleChannelInboundHandler<Message>() {
      @Override
      protected void channelRead0(ChannelHandlerContext ctx, Message m) {
        response.complete(m);
      }

      @Override
      public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        response.completeExceptionally(cause);
      }

      @Override
      public void channelInactive(ChannelHandlerContext ctx) {
        response.completeExceptionally(new KadException(KadError.MALFORMED_MESSAGE,
            "kad stream to " + stream.remotePeer() + " closed before a response"));
        ctx.fireChannelInactive();
      }
    });
    // The host's stream adapter holds reads back until a reader is set; our handlers read.
    stream.channel().config().setAutoRead(true);
    pipeline.context("kad-client").writeAndFlush(request).addListener(f -> {
      if (!f.isSuccess()) {
        response.completeExceptionally(f.cause());
      } else if (!answered) {
        response.complete(request);
      }
    });
  }

  /** Adds the parsable addresses of {@code peer} to the peer store. */
  private void learnAddresses(KadPeer peer) {
    List<Multiaddr> addrs = new ArrayList<>();
    for (ByteString b : peer.addrs()) {
      try {
        addrs.add(Multiaddr.fromBytes(b.toByteArray()));
      } catch (MultiaddrException | IllegalArgumentException e) {
        // Skipped: an address we cannot parse is one we cannot dial.
      }
    }
    if (!addrs.isEmpty()) {
      host.peerStore().addAddresses(peer.id(), addrs);
    }
  }
}
