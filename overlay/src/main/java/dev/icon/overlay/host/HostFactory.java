package dev.icon.overlay.host;

import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.api.HostListener;
import dev.icon.overlay.api.StreamHandler;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.kad.KadConfig;
import dev.icon.overlay.kad.KadDht;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.overlay.noise.NoiseConfig;
import dev.icon.overlay.noise.NoiseSecureChannel;
import dev.icon.overlay.spi.SecureChannel;
import dev.icon.overlay.spi.StreamMuxer;
import dev.icon.overlay.yamux.YamuxConfig;
import dev.icon.overlay.yamux.YamuxMuxer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Creates hosts for {@link dev.icon.overlay.api.HostBuilder}, filling in default protocols. */
public final class HostFactory {

  private HostFactory() {}

  /** A host from the builder's settings; null security or muxer means Noise or Yamux. */
  public static Host create(HostConfig config, PrivateKey key, List<Multiaddr> listen,
      Map<String, StreamHandler> protocols, SecureChannel security, StreamMuxer muxer, Clock clock,
      RandomGenerator random, List<HostListener> listeners) {
    return create(config, key, listen, protocols, security, muxer, clock, random, listeners, null,
        null);
  }

  /**
   * A host from the builder's settings; null security or muxer means Noise or Yamux; a null {@code
   * dhtMode} means no DHT.
   */
  public static Host create(HostConfig config, PrivateKey key, List<Multiaddr> listen,
      Map<String, StreamHandler> protocols, SecureChannel security, StreamMuxer muxer, Clock clock,
      RandomGenerator random, List<HostListener> listeners, DhtMode dhtMode, KadConfig dhtConfig) {
    StreamMuxer m = muxer != null ? muxer
        : new YamuxMuxer(YamuxConfig.builder().maxStreams(config.maxStreamsPerConnection()).build());
    SecureChannel sec = security != null ? security : new NoiseSecureChannel(key,
        NoiseConfig.builder().handshakeTimeout(config.upgradeTimeout()).build());
    NettyHost host =
        new NettyHost(config, key, listen, protocols, sec, m, null, clock, random, listeners);
    if (dhtMode != null) {
      host.attachDht(new KadDht(host, key, dhtMode, dhtConfig, clock, random));
    }
    return host;
  }
}
