package dev.icon.overlay.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SecureChannel} must do, on two linked in-memory channels. An implementation's
 * test extends this class and supplies {@link #newSecureChannel}.
 */
public abstract class SecureChannelContractTest {

  private final PrivateKey dialerKey = PrivateKey.generateEd25519();
  private final PrivateKey listenerKey = PrivateKey.generateEd25519();
  private LocalChannelPair pair;

  /** A secure channel authenticating as {@code identity}. */
  protected abstract SecureChannel newSecureChannel(PrivateKey identity);

  @BeforeEach
  void connect() throws Exception {
    pair = new LocalChannelPair();
  }

  @AfterEach
  void disconnect() {
    pair.close();
  }

  @Test
  void protocolIdIsAMultistreamPath() {
    assertThat(newSecureChannel(dialerKey).protocolId()).startsWith("/");
  }

  @Test
  void handshakeAuthenticatesBothSides() throws Exception {
    Sessions s = handshake(Optional.of(listenerKey.publicKey().peerId()));
    SecureSession atDialer = s.dialer().get(10, TimeUnit.SECONDS);
    SecureSession atListener = s.listener().get(10, TimeUnit.SECONDS);
    String id = newSecureChannel(dialerKey).protocolId();
    assertThat(atDialer.protocolId()).isEqualTo(id);
    assertThat(atDialer.remotePeer()).isEqualTo(listenerKey.publicKey().peerId());
    assertThat(atDialer.remoteKey()).isEqualTo(listenerKey.publicKey());
    assertThat(atListener.remotePeer()).isEqualTo(dialerKey.publicKey().peerId());
    assertThat(atListener.remoteKey()).isEqualTo(dialerKey.publicKey());
  }

  @Test
  void plaintextFlowsBothWaysAfterTheHandshake() throws Exception {
    Sessions s = handshake(Optional.empty());
    Collector atListener = new Collector();
    Collector atDialer = new Collector();
    s.listener().thenRun(() -> pair.listener().pipeline().addLast(atListener)).get(10, TimeUnit.SECONDS);
    s.dialer().thenRun(() -> pair.dialer().pipeline().addLast(atDialer)).get(10, TimeUnit.SECONDS);
    pair.dialer().writeAndFlush(ascii("ping")).sync();
    await().atMost(Duration.ofSeconds(5)).until(() -> atListener.text().equals("ping"));
    pair.listener().writeAndFlush(ascii("pong")).sync();
    await().atMost(Duration.ofSeconds(5)).until(() -> atDialer.text().equals("pong"));
  }

  @Test
  void wrongExpectedPeerFailsAndClosesTheConnection() throws Exception {
    PeerId someoneElse = PrivateKey.generateEd25519().publicKey().peerId();
    Sessions s = handshake(Optional.of(someoneElse));
    assertThatThrownBy(() -> s.dialer().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> !pair.dialer().isOpen() && !pair.listener().isOpen());
    assertThat(s.listener()).failsWithin(Duration.ofSeconds(5));
  }

  @Test
  void connectionClosedDuringTheHandshakeFailsTheFuture() throws Exception {
    CompletableFuture<SecureSession> atListener = newSecureChannel(listenerKey)
        .secure(pair.listener(), Role.RESPONDER, Optional.empty(), List.of());
    LocalChannelPair.drain(pair.listener());
    pair.dialer().close().sync();
    assertThat(atListener).failsWithin(Duration.ofSeconds(5));
  }

  /** Starts the listener's handshake, then the dialer's. */
  protected Sessions handshake(Optional<PeerId> expected) throws Exception {
    CompletableFuture<SecureSession> atListener = newSecureChannel(listenerKey)
        .secure(pair.listener(), Role.RESPONDER, Optional.empty(), List.of());
    LocalChannelPair.drain(pair.listener());
    CompletableFuture<SecureSession> atDialer = newSecureChannel(dialerKey)
        .secure(pair.dialer(), Role.INITIATOR, expected, List.of());
    return new Sessions(atDialer, atListener);
  }

  /** Both sides' handshake results. */
  protected record Sessions(CompletableFuture<SecureSession> dialer, CompletableFuture<SecureSession> listener) {}

  private static ByteBuf ascii(String s) {
    return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
  }

  /** Accumulates received plaintext as ASCII; releases every buffer. Shared by the Noise tests. */
  public static final class Collector extends ChannelInboundHandlerAdapter {
    private final StringBuffer received = new StringBuffer();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf buf = (ByteBuf) msg;
      received.append(buf.toString(StandardCharsets.US_ASCII));
      buf.release();
    }

    /** What arrived so far. */
    public String text() {
      return received.toString();
    }
  }

  /** The dialer side's channel (for subclasses). */
  protected Channel dialerChannel() {
    return pair.dialer();
  }
}
