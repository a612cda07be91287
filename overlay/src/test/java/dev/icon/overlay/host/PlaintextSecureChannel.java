package dev.icon.overlay.host;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.identity.PublicKey;
import dev.icon.overlay.spi.Role;
import dev.icon.overlay.spi.SecureChannel;
import dev.icon.overlay.spi.SecureSession;
import dev.icon.overlay.varint.Uvarint;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Test-only, unauthenticated "security": each side sends its public key (uvarint-prefixed
 * protobuf) and takes the other's at its word. Lets host tests run without Noise.
 */
final class PlaintextSecureChannel implements SecureChannel {

  static final String ID = "/plaintext-test/1.0.0";

  private final PrivateKey identity;

  PlaintextSecureChannel(PrivateKey identity) {
    this.identity = identity;
  }

  @Override
  public String protocolId() {
    return ID;
  }

  @Override
  public CompletableFuture<SecureSession> secure(
      Channel channel, Role role, Optional<PeerId> expectedRemote, List<String> offeredMuxers) {
    CompletableFuture<SecureSession> result = new CompletableFuture<>();
    channel.pipeline().addLast("plaintext", new ChannelInboundHandlerAdapter() {
      private ByteBuf cumulation;

      @Override
      public void handlerAdded(ChannelHandlerContext ctx) {
        byte[] key = identity.publicKey().toProtobuf();
        ByteBuf out = ctx.alloc().buffer();
        Uvarint.write(out, key.length);
        out.writeBytes(key);
        ctx.writeAndFlush(out);
      }

      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (result.isDone()) {
          ctx.fireChannelRead(msg);
          return;
        }
        ByteBuf in = (ByteBuf) msg;
        cumulation = cumulation == null ? in
            : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(ctx.alloc(), cumulation, in);
        int start = cumulation.readerIndex();
        long len = Uvarint.tryDecode(cumulation, 4096);
        if (len == Uvarint.INCOMPLETE || cumulation.readableBytes() < len) {
          cumulation.readerIndex(start);
          return;
        }
        byte[] key = new byte[(int) len];
        cumulation.readBytes(key);
        PublicKey remote = PublicKey.fromProtobuf(key);
        PeerId peer = remote.peerId();
        if (expectedRemote.isPresent() && !expectedRemote.get().equals(peer)) {
          result.completeExceptionally(new IllegalStateException("PEER_ID_MISMATCH: got " + peer));
          cumulation.release();
          cumulation = null;
          ctx.close();
          return;
        }
        result.complete(new SecureSession(ID, peer, remote, Optional.empty()));
        ctx.pipeline().remove(this);
      }

      @Override
      public void handlerRemoved(ChannelHandlerContext ctx) {
        if (cumulation != null) {
          ByteBuf rest = cumulation;
          cumulation = null;
          if (rest.isReadable() && result.isDone() && !result.isCompletedExceptionally()) {
            ctx.fireChannelRead(rest);
          } else {
            rest.release();
          }
        }
      }
    });
    return result;
  }
}
