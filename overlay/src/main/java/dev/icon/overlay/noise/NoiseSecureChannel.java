package dev.icon.overlay.noise;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.spi.Role;
import dev.icon.overlay.spi.SecureChannel;
import dev.icon.overlay.spi.SecureSession;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code /noise} security channel (noise-libp2p, Noise_XX_25519_ChaChaPoly_SHA256).
 *
 * <p>One instance per host: it holds the identity key and a static X25519 key generated at
 * construction from the config's randomness (noise-libp2p keys need not outlive the process).
 * Thread-safe: {@link #secure} may be called from any thread; the work runs on the channel's event
 * loop. Each call adds a {@link NoiseFrameCodec} and a handshake handler at the end of the
 * pipeline; after success the pipeline holds the codec and a transport handler that the next
 * handler added after them exchanges plaintext {@code ByteBuf}s with.
 */
public final class NoiseSecureChannel implements SecureChannel {

  private final PrivateKey identity;
  private final NoiseConfig config;
  private final X25519KeyPair staticKey;

  /** A Noise channel authenticating as {@code identity}. */
  public NoiseSecureChannel(PrivateKey identity, NoiseConfig config) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.config = Objects.requireNonNull(config, "config");
    this.staticKey = X25519.generate(config.random());
  }

  @Override
  public String protocolId() {
    return NoiseProtocol.ID;
  }

  @Override
  public CompletableFuture<SecureSession> secure(
      Channel channel, Role role, Optional<PeerId> expectedRemote, List<String> offeredMuxers) {
    CompletableFuture<SecureSession> result = new CompletableFuture<>();
    Runnable install = () -> {
      try {
        HandshakeState handshake =
            new HandshakeState(role, staticKey, () -> X25519.generate(config.random()), new byte[0]);
        channel.pipeline().addLast("noise-frame", new NoiseFrameCodec());
        channel.pipeline().addLast("noise-handshake", new NoiseHandshakeHandler(
            handshake, role, identity, expectedRemote, offeredMuxers, config.handshakeTimeout(), result));
      } catch (RuntimeException e) {
        channel.close();
        result.completeExceptionally(e);
      }
    };
    if (channel.eventLoop().inEventLoop()) {
      install.run();
    } else {
      channel.eventLoop().execute(install);
    }
    return result;
  }
}
