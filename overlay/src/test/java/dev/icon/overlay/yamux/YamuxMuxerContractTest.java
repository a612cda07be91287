package dev.icon.overlay.yamux;

import dev.icon.overlay.spi.StreamMuxer;
import dev.icon.overlay.spi.StreamMuxerContractTest;
import io.netty.channel.Channel;
import java.time.Duration;

/** {@link YamuxMuxer} passes the muxer contract. */
class YamuxMuxerContractTest extends StreamMuxerContractTest {
  @Override
  protected StreamMuxer newMuxer() {
    return new YamuxMuxer(YamuxConfig.builder().keepAliveInterval(Duration.ZERO).build());
  }

  @Override
  protected void reset(Channel stream) {
    ((YamuxStreamChannel) stream).reset();
  }
}
