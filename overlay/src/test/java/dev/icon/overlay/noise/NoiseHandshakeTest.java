package dev.icon.overlay.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.identity.PublicKey;
import dev.icon.overlay.spi.LocalChannelPair;
import dev.icon.overlay.spi.Role;
import dev.icon.overlay.spi.SecureSession;
import dev.icon.overlay.spi.SecureChannelContractTest.Collector;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Full Noise handshakes between two linked in-memory channels. */
class NoiseHandshakeTest {

  private static final String YAMUX = "/yamux/1.0.0";
  private static final String MPLEX = "/mplex/6.7.0";

  private final PrivateKey dialerKey = PrivateKey.generateEd25519();
  private final PrivateKey listenerKey = PrivateKey.generateEd25519();
  private LocalChannelPair pair;

  @BeforeEach
  void connect() throws Exception {
    pair = new LocalChannelPair();
  }

  @AfterEach
  void disconnect() {
    pair.close();
  }

  static Stream<Arguments> muxerOffers() {
    return Stream.of(
        Arguments.of(List.of(YAMUX), List.of(YAMUX), Optional.of(YAMUX)),
        Arguments.of(List.of(YAMUX, MPLEX), List.of(MPLEX, YAMUX), Optional.of(YAMUX)),
        Arguments.of(List.of(MPLEX, YAMUX), List.of(YAMUX), Optional.of(YAMUX)),
        Arguments.of(List.of(YAMUX), List.of(), Optional.empty()),
        Arguments.of(List.of(), List.of(YAMUX), Optional.empty()),
        Arguments.of(List.of(MPLEX), List.of(YAMUX), Optional.empty()));
  }

  @ParameterizedTest
  @MethodSource("muxerOffers")
  void bothSidesAgreeOnTheEarlyMuxer(List<String> dialerMuxers, List<String> listenerMuxers, Optional<String> expected)
      throws Exception {
    CompletableFuture<SecureSession> atListener = start(pair.listener(), listenerKey, Role.RESPONDER, Optional.empty(), listenerMuxers);
    CompletableFuture<SecureSession> atDialer =
        start(pair.dialer(), dialerKey, Role.INITIATOR, Optional.of(listenerKey.publicKey().peerId()), dialerMuxers);
    SecureSession d = atDialer.get(10, TimeUnit.SECONDS);
    SecureSession l = atListener.get(10, TimeUnit.SECONDS);
    assertThat(d.remotePeer()).isEqualTo(listenerKey.publicKey().peerId());
    assertThat(l.remotePeer()).isEqualTo(dialerKey.publicKey().peerId());
    assertThat(d.protocolId()).isEqualTo(NoiseProtocol.ID);
    assertThat(d.earlyMuxer()).isEqualTo(expected);
    assertThat(l.earlyMuxer()).isEqualTo(expected);
    assertThat(pair.dialer().pipeline().get(NoiseTransportHandler.class)).isNotNull();
    assertThat(pair.dialer().pipeline().get(NoiseHandshakeHandler.class)).isNull();
  }

  @Test
  void forgedSignatureIsRejected() throws Exception {
    PrivateKey forger = new DelegatingKey(dialerKey) {
      @Override
      public byte[] sign(byte[] data) {
        byte[] sig = super.sign(data);
        sig[0] ^= 1;
        return sig;
      }
    };
    expectListenerRejects(forger, NoiseError.BAD_SIGNATURE);
  }

  @Test
  void payloadSignedByAnotherKeyThanClaimedIsRejected() throws Exception {
    PublicKey claimed = PrivateKey.generateEd25519().publicKey();
    PrivateKey impostor = new DelegatingKey(dialerKey) {
      @Override
      public PublicKey publicKey() {
        return claimed;
      }
    };
    expectListenerRejects(impostor, NoiseError.BAD_SIGNATURE);
  }

  @Test
  void dialerRejectsAForgedListener() throws Exception {
    PrivateKey forger = new DelegatingKey(listenerKey) {
      @Override
      public byte[] sign(byte[] data) {
        return new byte[64];
      }
    };
    CompletableFuture<SecureSession> atListener = start(pair.listener(), forger, Role.RESPONDER, Optional.empty(), List.of());
    CompletableFuture<SecureSession> atDialer = start(pair.dialer(), dialerKey, Role.INITIATOR, Optional.empty(), List.of());
    assertThat(errorOf(atDialer)).isEqualTo(NoiseError.BAD_SIGNATURE);
    assertThat(errorOf(atListener)).isEqualTo(NoiseError.CONNECTION_CLOSED);
  }

  @Test
  void peerIdMismatchIsRejectedBeforeTheDialerRevealsItself() throws Exception {
    PeerId expected = PrivateKey.generateEd25519().publicKey().peerId();
    CompletableFuture<SecureSession> atListener = start(pair.listener(), listenerKey, Role.RESPONDER, Optional.empty(), List.of());
    CompletableFuture<SecureSession> atDialer = start(pair.dialer(), dialerKey, Role.INITIATOR, Optional.of(expected), List.of());
    assertThat(errorOf(atDialer)).isEqualTo(NoiseError.PEER_ID_MISMATCH);
    assertThat(errorOf(atListener)).isEqualTo(NoiseError.CONNECTION_CLOSED);
    await().atMost(Duration.ofSeconds(5)).until(() -> !pair.listener().isOpen());
  }

  @Test
  void handshakeTimesOut() throws Exception {
    NoiseSecureChannel impatient = new NoiseSecureChannel(listenerKey,
        NoiseConfig.builder().handshakeTimeout(Duration.ofMillis(200)).build());
    CompletableFuture<SecureSession> atListener =
        impatient.secure(pair.listener(), Role.RESPONDER, Optional.empty(), List.of());
    await().atMost(Duration.ofSeconds(5)).until(atListener::isDone);
    assertThat(errorOf(atListener)).isEqualTo(NoiseError.HANDSHAKE_TIMEOUT);
    await().atMost(Duration.ofSeconds(5)).until(() -> !pair.listener().isOpen());
  }

  @Test
  void shortFirstMessageClosesTheConnection() throws Exception {
    CompletableFuture<SecureSession> atListener = start(pair.listener(), listenerKey, Role.RESPONDER, Optional.empty(), List.of());
    pair.dialer().writeAndFlush(Unpooled.wrappedBuffer(new byte[] {0, 4, 1, 2, 3, 4})).sync();
    assertThat(errorOf(atListener)).isEqualTo(NoiseError.MALFORMED_MESSAGE);
    await().atMost(Duration.ofSeconds(5)).until(() -> !pair.dialer().isOpen());
  }

  @Test
  void garbageSecondMessageClosesTheConnection() throws Exception {
    CompletableFuture<SecureSession> atDialer = start(pair.dialer(), dialerKey, Role.INITIATOR, Optional.empty(), List.of());
    byte[] garbage = new byte[2 + 200];
    new java.util.Random(5).nextBytes(garbage);
    garbage[0] = 0;
    garbage[1] = (byte) 200;
    pair.listener().writeAndFlush(Unpooled.wrappedBuffer(garbage)).sync();
    assertThat(errorOf(atDialer)).isIn(NoiseError.DECRYPT_FAILED, NoiseError.INVALID_KEY);
    await().atMost(Duration.ofSeconds(5)).until(() -> !pair.listener().isOpen());
  }

  @Test
  void plaintextWrittenBeforeCompletionIsSentAfterIt() throws Exception {
    CompletableFuture<SecureSession> atListener = start(pair.listener(), listenerKey, Role.RESPONDER, Optional.empty(), List.of());
    Collector received = new Collector();
    atListener.thenRun(() -> pair.listener().pipeline().addLast(received));
    CompletableFuture<SecureSession> atDialer = start(pair.dialer(), dialerKey, Role.INITIATOR, Optional.empty(), List.of());
    pair.dialer().writeAndFlush(Unpooled.copiedBuffer("early", java.nio.charset.StandardCharsets.US_ASCII));
    atDialer.get(10, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> received.text().equals("early"));
  }

  private void expectListenerRejects(PrivateKey dialerIdentity, NoiseError expected) throws Exception {
    CompletableFuture<SecureSession> atListener = start(pair.listener(), listenerKey, Role.RESPONDER, Optional.empty(), List.of());
    start(pair.dialer(), dialerIdentity, Role.INITIATOR, Optional.empty(), List.of());
    assertThat(errorOf(atListener)).isEqualTo(expected);
    await().atMost(Duration.ofSeconds(5)).until(() -> !pair.dialer().isOpen());
  }

  private CompletableFuture<SecureSession> start(io.netty.channel.Channel ch, PrivateKey key, Role role,
      Optional<PeerId> expected, List<String> muxers) throws Exception {
    CompletableFuture<SecureSession> f =
        new NoiseSecureChannel(key, NoiseConfig.forTests()).secure(ch, role, expected, muxers);
    LocalChannelPair.drain(ch);
    return f;
  }

  private static NoiseError errorOf(CompletableFuture<SecureSession> f) throws Exception {
    try {
      f.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(NoiseException.class);
      return ((NoiseException) e.getCause()).error();
    }
    throw new AssertionError("handshake unexpectedly succeeded");
  }

  /** A private key forwarding to another, for building misbehaving peers. */
  static class DelegatingKey implements PrivateKey {
    private final PrivateKey delegate;

    DelegatingKey(PrivateKey delegate) {
      this.delegate = delegate;
    }

    @Override
    public byte[] sign(byte[] data) {
      return delegate.sign(data);
    }

    @Override
    public PublicKey publicKey() {
      return delegate.publicKey();
    }

    @Override
    public byte[] toProtobuf() {
      return delegate.toProtobuf();
    }
  }
}
