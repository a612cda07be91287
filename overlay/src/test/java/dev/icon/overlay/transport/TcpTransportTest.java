package dev.icon.overlay.transport;

import dev.icon.overlay.multiaddr.Multiaddr;

/** TCP over loopback meets the transport contract. */
class TcpTransportTest extends TransportContractTest {

  @Override
  protected Transport createTransport(EventLoops loops) {
    return new TcpTransport(loops, DIAL_TIMEOUT);
  }

  @Override
  protected Multiaddr listenAddress() {
    return Multiaddr.parse("/ip4/127.0.0.1/tcp/0");
  }

  @Override
  protected Multiaddr foreignAddress() {
    return Multiaddr.parse("/ip4/127.0.0.1/udp/4001");
  }
}
