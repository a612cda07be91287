/**
 * noise-libp2p: the {@code /noise} secure channel (Noise_XX_25519_ChaChaPoly_SHA256 with the
 * libp2p handshake payload), per libp2p/specs {@code noise/README.md} and
 * {@code connections/inlined-muxer-negotiation.md}.
 *
 * <p>Layout: {@link dev.icon.overlay.noise.NoiseProtocol} (constants),
 * {@link dev.icon.overlay.noise.NoiseFrameCodec} (2-byte length framing),
 * {@code HandshakeState}/{@code SymmetricState}/{@code CipherState}/{@code X25519} (the Noise
 * framework, pure computation), {@link dev.icon.overlay.noise.NoisePayload} (signed identity and
 * muxer extensions), {@code NoiseHandshakeHandler} and {@code NoiseTransportHandler} (the
 * per-connection state machines), {@link dev.icon.overlay.noise.NoiseSecureChannel} (the
 * {@link dev.icon.overlay.spi.SecureChannel} implementation), {@link
 * dev.icon.overlay.noise.NoiseConfig}, {@link dev.icon.overlay.noise.NoiseException} with {@link
 * dev.icon.overlay.noise.NoiseError}. Every Noise error is a connection error.
 */
package dev.icon.overlay.noise;
