package dev.icon.overlay.yamux;

import dev.icon.overlay.spi.MuxerPair;

/** The muxer contract again over real loopback TCP (NIO event loops, kernel buffers). */
class YamuxMuxerTcpContractTest extends YamuxMuxerContractTest {
  @Override
  protected MuxerPair.Transport transport() {
    return MuxerPair.Transport.TCP;
  }
}
