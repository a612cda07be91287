package dev.icon.overlay.noise;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.spi.Role;
import dev.icon.overlay.spi.SecureSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.CoalescingBufferQueue;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the libp2p Noise XX handshake on a connection, right after {@link NoiseFrameCodec}.
 *
 * <p>The initiator sends {@code -> e} when the channel is active; the responder answers with its
 * signed payload in message 2, the initiator with its own in message 3. Each received payload is
 * verified (signature over the static key; expected peer id when dialing) before anything more is
 * sent. On success this handler replaces itself with a {@link NoiseTransportHandler} and completes
 * the result future on the event loop; plaintext written meanwhile is queued and sent encrypted
 * once the handshake is done. Register completion callbacks before the handshake can finish if
 * they add the next handler, so no early plaintext reaches the pipeline's tail.
 *
 * <p>Any failure (bad signature, peer id mismatch, undecryptable or malformed message, timeout,
 * the connection closing) closes the connection, logs the reason and completes the future
 * exceptionally with a {@link NoiseException}. Inbound frames are released here. Runs on the
 * channel's event loop only; not sharable.
 */
final class NoiseHandshakeHandler extends ChannelDuplexHandler {

  private static final Logger LOG = LoggerFactory.getLogger(NoiseHandshakeHandler.class);
  private static final byte[] EMPTY = new byte[0];

  /** Handshake progress. */
  enum State {
    /** Added to a channel that is not active yet. */
    WAITING_FOR_ACTIVE,
    /** Messages are being exchanged. */
    HANDSHAKING,
    /** Succeeded; the transport handler took over. */
    COMPLETE,
    /** Failed; the connection is closing. */
    FAILED
  }

  private final HandshakeState handshake;
  private final Role role;
  private final PrivateKey identity;
  private final Optional<PeerId> expectedRemote;
  private final List<String> localMuxers;
  private final Duration timeout;
  private final CompletableFuture<SecureSession> result;
  private CoalescingBufferQueue pending;
  private boolean flushRequested;
  private ScheduledFuture<?> timeoutTask;
  private State state = State.WAITING_FOR_ACTIVE;

  NoiseHandshakeHandler(
      HandshakeState handshake,
      Role role,
      PrivateKey identity,
      Optional<PeerId> expectedRemote,
      List<String> localMuxers,
      Duration timeout,
      CompletableFuture<SecureSession> result) {
    this.handshake = handshake;
    this.role = role;
    this.identity = identity;
    this.expectedRemote = expectedRemote;
    this.localMuxers = List.copyOf(localMuxers);
    this.timeout = timeout;
    this.result = result;
  }

  /** The current state (for tests). */
  State state() {
    return state;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    pending = new CoalescingBufferQueue(ctx.channel(), 4, true);
    if (ctx.channel().isActive()) {
      start(ctx);
    }
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (state != State.COMPLETE) {
      fail(ctx, new NoiseException(NoiseError.CONNECTION_CLOSED, "handshake handler removed"));
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    if (state == State.WAITING_FOR_ACTIVE) {
      start(ctx);
    }
    ctx.fireChannelActive();
  }

  private void start(ChannelHandlerContext ctx) {
    state = State.HANDSHAKING;
    timeoutTask = ctx.executor().schedule(
        () -> fail(ctx, new NoiseException(NoiseError.HANDSHAKE_TIMEOUT, "no handshake within " + timeout)),
        timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (role == Role.INITIATOR) {
      step(ctx, () -> send(ctx, handshake.writeMessage(EMPTY)));
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf frame) || state != State.HANDSHAKING) {
      ReferenceCountUtil.release(msg);
      return;
    }
    byte[] message;
    try {
      message = ByteBufUtil.getBytes(frame);
    } finally {
      frame.release();
    }
    step(ctx, () -> onMessage(ctx, message));
  }

  private void onMessage(ChannelHandlerContext ctx, byte[] message) {
    if (handshake.isMyTurn()) {
      throw new NoiseException(NoiseError.MALFORMED_MESSAGE, "unexpected message at " + handshake.step());
    }
    byte[] payload = handshake.readMessage(message);
    switch (handshake.step()) {
      case MESSAGE_2 -> send(ctx, handshake.writeMessage(localPayload())); // responder read -> e
      case MESSAGE_3 -> { // initiator read <- e, ee, s, es
        NoisePayload remote = verifyRemote(payload);
        send(ctx, handshake.writeMessage(localPayload()));
        complete(ctx, remote);
      }
      case COMPLETE -> complete(ctx, verifyRemote(payload)); // responder read -> s, se
      default -> throw new IllegalStateException("unreachable step " + handshake.step());
    }
  }

  private byte[] localPayload() {
    return NoisePayload.create(identity, handshake.localStaticPublic(), localMuxers);
  }

  private NoisePayload verifyRemote(byte[] payload) {
    NoisePayload remote = NoisePayload.verify(payload, handshake.remoteStatic());
    if (expectedRemote.isPresent() && !expectedRemote.get().equals(remote.peerId())) {
      throw new NoiseException(NoiseError.PEER_ID_MISMATCH,
          "dialed " + expectedRemote.get() + " but the remote proved " + remote.peerId());
    }
    return remote;
  }

  private void send(ChannelHandlerContext ctx, byte[] message) {
    ctx.writeAndFlush(NoiseFrameCodec.frame(ctx.alloc(), message)).addListener((ChannelFutureListener) f -> {
      if (!f.isSuccess()) {
        fail(ctx, new NoiseException(NoiseError.CONNECTION_CLOSED, "handshake write failed", f.cause()));
      }
    });
  }

  private void complete(ChannelHandlerContext ctx, NoisePayload remote) {
    state = State.COMPLETE;
    cancelTimeout();
    HandshakeState.TransportCiphers ciphers = handshake.split();
    Optional<String> earlyMuxer = role == Role.INITIATOR
        ? NoisePayload.selectMuxer(localMuxers, remote.streamMuxers())
        : NoisePayload.selectMuxer(remote.streamMuxers(), localMuxers);
    NoiseTransportHandler transport = new NoiseTransportHandler(ciphers.sender(), ciphers.receiver(), pending);
    ctx.pipeline().replace(this, "noise-transport", transport);
    if (flushRequested) {
      transport.flush(ctx.pipeline().context(transport));
    }
    LOG.debug("Noise handshake with {} on {} complete, early muxer {}", remote.peerId(), ctx.channel(), earlyMuxer);
    result.complete(new SecureSession(NoiseProtocol.ID, remote.peerId(), remote.identityKey(), earlyMuxer));
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (state == State.FAILED || !(msg instanceof ByteBuf buf)) {
      ReferenceCountUtil.release(msg);
      promise.setFailure(new IllegalStateException("Noise handshake failed or message is not a ByteBuf"));
      return;
    }
    pending.add(buf, promise);
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    flushRequested = true;
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    fail(ctx, new NoiseException(NoiseError.CONNECTION_CLOSED, "connection closed during the handshake"));
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    NoiseException noise = NoiseException.find(cause);
    fail(ctx, noise != null ? noise
        : new NoiseException(NoiseError.CONNECTION_CLOSED, "connection error during the handshake", cause));
  }

  /** Runs one handshake step; any failure fails the handshake. */
  private void step(ChannelHandlerContext ctx, Runnable action) {
    try {
      action.run();
    } catch (NoiseException e) {
      fail(ctx, e);
    } catch (RuntimeException e) {
      fail(ctx, new NoiseException(NoiseError.CRYPTO_FAILURE, "handshake step failed: " + e, e));
    }
  }

  private void fail(ChannelHandlerContext ctx, NoiseException e) {
    if (state == State.COMPLETE || state == State.FAILED) {
      return;
    }
    state = State.FAILED;
    cancelTimeout();
    if (e.error() == NoiseError.CONNECTION_CLOSED) {
      LOG.debug("Noise handshake on {} failed: {}", ctx.channel(), e.getMessage());
    } else {
      LOG.warn("Noise handshake on {} failed: {}", ctx.channel(), e.getMessage());
    }
    if (pending != null) {
      pending.releaseAndFailAll(e);
    }
    ctx.close();
    result.completeExceptionally(e);
  }

  private void cancelTimeout() {
    if (timeoutTask != null) {
      timeoutTask.cancel(false);
    }
  }
}
