package dev.icon.overlay.noise;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;

/** Small test handlers shared by the Noise tests. */
final class SecureChannelTestSupport {

  private SecureChannelTestSupport() {}

  /** Accumulates received plaintext as ASCII; releases every buffer. */
  static final class Collector extends ChannelInboundHandlerAdapter {
    private final StringBuffer received = new StringBuffer();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf buf = (ByteBuf) msg;
      received.append(buf.toString(StandardCharsets.US_ASCII));
      buf.release();
    }

    String text() {
      return received.toString();
    }
  }
}
