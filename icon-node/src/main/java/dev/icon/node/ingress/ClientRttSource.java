package dev.icon.node.ingress;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the ingress gets a client's RTT when the kernel cannot tell it (NIO transport, or a
 * connection whose smoothed RTT is not known yet): for instance an adapter over tomography's RTT
 * estimate between this node and the client. Called on an I/O thread for every such request:
 * implementations must be thread-safe and must not block.
 */
@FunctionalInterface
public interface ClientRttSource {

  /** The estimated round-trip time to {@code client}, empty when unknown. */
  Optional<Duration> rtt(InetAddress client);

  /** A source that never knows. */
  static ClientRttSource none() {
    return client -> Optional.empty();
  }
}
