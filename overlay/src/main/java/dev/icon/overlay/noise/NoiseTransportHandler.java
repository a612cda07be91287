package dev.icon.overlay.noise;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.CoalescingBufferQueue;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts and decrypts Noise transport messages once the handshake is done. Sits right after
 * {@link NoiseFrameCodec}; handlers after it see plaintext {@link ByteBuf}s.
 *
 * <p>Inbound: each frame (released here) is decrypted into a new buffer passed on (the next
 * handler owns it). Outbound: written {@link ByteBuf}s (ownership passes to this handler) are
 * queued and, on flush, coalesced and cut into chunks of at most 65519 bytes, each encrypted into
 * one frame allocated once. Other message types are released and their promise failed.
 *
 * <p>Any authentication failure or malformed frame closes the connection with a logged reason.
 * Runs on the channel's event loop only; not sharable.
 */
final class NoiseTransportHandler extends ChannelDuplexHandler {

  private static final Logger LOG = LoggerFactory.getLogger(NoiseTransportHandler.class);

  /** Whether the session is usable. */
  enum State {
    /** Frames are processed. */
    OPEN,
    /** A fatal error occurred; everything further is dropped. */
    FAILED
  }

  private final CipherState sender;
  private final CipherState receiver;
  private CoalescingBufferQueue pending;
  private State state = State.OPEN;

  /**
   * @param pending writes queued during the handshake, handed over (may be null)
   */
  NoiseTransportHandler(CipherState sender, CipherState receiver, CoalescingBufferQueue pending) {
    this.sender = sender;
    this.receiver = receiver;
    this.pending = pending;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (pending == null) {
      pending = new CoalescingBufferQueue(ctx.channel(), 4, true);
    }
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    pending.releaseAndFailAll(new ClosedChannelException());
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf frame)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (state != State.OPEN) {
      frame.release();
      return;
    }
    ByteBuf plain = ctx.alloc().buffer(Math.max(0, frame.readableBytes() - NoiseProtocol.TAG_LENGTH));
    try {
      receiver.decrypt(frame, plain);
    } catch (NoiseException e) {
      plain.release();
      fail(ctx, e);
      return;
    } finally {
      frame.release();
    }
    ctx.fireChannelRead(plain);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (state != State.OPEN) {
      ReferenceCountUtil.release(msg);
      promise.setFailure(new ClosedChannelException());
      return;
    }
    if (!(msg instanceof ByteBuf buf)) {
      ReferenceCountUtil.release(msg);
      promise.setFailure(new IllegalArgumentException("Noise carries ByteBuf only, not " + msg.getClass()));
      return;
    }
    pending.add(buf, promise);
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    flushPending(ctx);
    ctx.flush();
  }

  /** Encrypts every queued write into frames and writes them (without flushing). */
  void flushPending(ChannelHandlerContext ctx) {
    while (!pending.isEmpty() && state == State.OPEN) {
      ChannelPromise promise = ctx.newPromise();
      ByteBuf chunk = pending.remove(NoiseProtocol.MAX_PLAINTEXT_LENGTH, promise);
      int length = chunk.readableBytes();
      if (length == 0) {
        chunk.release();
        ctx.write(Unpooled.EMPTY_BUFFER, promise);
        continue;
      }
      int messageLength = length + NoiseProtocol.TAG_LENGTH;
      ByteBuf frame = ctx.alloc().buffer(NoiseProtocol.LENGTH_PREFIX + messageLength);
      try {
        NoiseFrameCodec.writeHeader(frame, messageLength);
        sender.encrypt(chunk, frame);
      } catch (NoiseException e) {
        frame.release();
        promise.setFailure(e);
        fail(ctx, e);
        return;
      } finally {
        chunk.release();
      }
      ctx.write(frame, promise);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    pending.releaseAndFailAll(new ClosedChannelException());
    ctx.fireChannelInactive();
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    pending.releaseAndFailAll(new ClosedChannelException());
    ctx.close(promise);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    NoiseException noise = NoiseException.find(cause);
    if (noise != null) {
      fail(ctx, noise);
    } else {
      ctx.fireExceptionCaught(cause);
    }
  }

  /** The session state (for tests). */
  State state() {
    return state;
  }

  private void fail(ChannelHandlerContext ctx, NoiseException e) {
    if (state == State.FAILED) {
      return;
    }
    state = State.FAILED;
    LOG.warn("Noise connection {} closed: {}", ctx.channel(), e.getMessage());
    pending.releaseAndFailAll(e);
    ctx.close();
  }
}
