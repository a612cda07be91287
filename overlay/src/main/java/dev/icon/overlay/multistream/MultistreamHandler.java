package dev.icon.overlay.multistream;

import dev.icon.overlay.spi.Role;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multistream-select 1.0 state machine for one channel (a raw connection or one stream).
 *
 * <p>The initiator sends the header and its first proposal in one write, then walks its proposals
 * on each {@code na}. The responder sends its header at once, answers {@code ls} with the list of
 * supported ids, echoes a supported proposal and answers {@code na} otherwise.
 *
 * <p>On agreement the handler completes {@link #selected()} with the protocol id, then removes
 * itself and passes any bytes it read past the negotiation to the next handler. Dependents of the
 * future registered before the agreement run on the event loop before those bytes are passed on, so
 * they may install the protocol's handlers. On failure the future completes exceptionally with a
 * {@link MultistreamException} and the channel is closed (logged at debug).
 *
 * <p>Threading: all methods run on the channel's event loop; {@link #selected()} may be read from
 * any thread. One instance per channel (not sharable). Owns and releases the bytes it buffers.
 */
public final class MultistreamHandler extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(MultistreamHandler.class);

  /** Where the negotiation stands. */
  enum State {
    NEW,
    AWAIT_HEADER,
    AWAIT_RESPONSE,
    AWAIT_PROPOSAL,
    DONE,
    FAILED
  }

  private final Role role;
  private final List<String> proposals;
  private final Supplier<? extends Collection<String>> supported;
  private final MultistreamConfig config;
  private final CompletableFuture<String> selected = new CompletableFuture<>();
  private State state = State.NEW;
  private ByteBuf cumulation;
  private int proposalIndex;
  private int proposalsSeen;
  private ScheduledFuture<?> timeout;

  private MultistreamHandler(
      Role role,
      List<String> proposals,
      Supplier<? extends Collection<String>> supported,
      MultistreamConfig config) {
    this.role = role;
    this.proposals = proposals;
    this.supported = supported;
    this.config = Objects.requireNonNull(config, "config");
  }

  /** An initiator proposing {@code proposals} in order (at least one). */
  public static MultistreamHandler initiator(List<String> proposals, MultistreamConfig config) {
    if (proposals.isEmpty()) {
      throw new IllegalArgumentException("proposals must not be empty");
    }
    return new MultistreamHandler(Role.INITIATOR, List.copyOf(proposals), List::of, config);
  }

  /** A responder accepting any id in {@code supported}, read afresh for each proposal. */
  public static MultistreamHandler responder(
      Supplier<? extends Collection<String>> supported, MultistreamConfig config) {
    return new MultistreamHandler(Role.RESPONDER, List.of(), supported, config);
  }

  /** Completes with the agreed protocol id, or exceptionally with a MultistreamException. */
  public CompletableFuture<String> selected() {
    return selected;
  }

  State state() {
    return state;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      start(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    start(ctx);
    ctx.fireChannelActive();
  }

  private void start(ChannelHandlerContext ctx) {
    if (state != State.NEW) {
      return;
    }
    state = State.AWAIT_HEADER;
    long nanos = config.negotiationTimeout().toNanos();
    timeout = ctx.executor().schedule(() -> fail(ctx, new MultistreamException(
        MultistreamError.TIMEOUT, "no agreement within " + config.negotiationTimeout())),
        nanos, TimeUnit.NANOSECONDS);
    if (role == Role.INITIATOR) {
      ctx.writeAndFlush(MultistreamCodec.encode(ctx.alloc(), MultistreamProtocol.HEADER, proposals.get(0)));
    } else {
      ctx.writeAndFlush(MultistreamCodec.encode(ctx.alloc(), MultistreamProtocol.HEADER));
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf in) || state == State.DONE) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (state == State.FAILED) {
      in.release();
      return;
    }
    cumulation = cumulation == null
        ? in
        : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(ctx.alloc(), cumulation, in);
    try {
      while (state != State.DONE && state != State.FAILED) {
        String message = MultistreamCodec.decode(cumulation, config.maxMessageLength());
        if (message == null) {
          break;
        }
        onMessage(ctx, message);
      }
    } catch (MultistreamException e) {
      fail(ctx, e);
    }
    if (cumulation != null && !cumulation.isReadable()) {
      releaseCumulation();
    }
  }

  private void onMessage(ChannelHandlerContext ctx, String message) {
    switch (state) {
      case AWAIT_HEADER -> {
        if (!MultistreamProtocol.HEADER.equals(message)) {
          throw new MultistreamException(MultistreamError.WRONG_HEADER, "got '" + message + "'");
        }
        state = role == Role.INITIATOR ? State.AWAIT_RESPONSE : State.AWAIT_PROPOSAL;
      }
      case AWAIT_RESPONSE -> onResponse(ctx, message);
      case AWAIT_PROPOSAL -> onProposal(ctx, message);
      default -> throw new IllegalStateException("message in state " + state);
    }
  }

  private void onResponse(ChannelHandlerContext ctx, String message) {
    String proposed = proposals.get(proposalIndex);
    if (proposed.equals(message)) {
      succeed(ctx, message);
    } else if (MultistreamProtocol.NA.equals(message)) {
      proposalIndex++;
      if (proposalIndex == proposals.size()) {
        throw new MultistreamException(
            MultistreamError.NO_PROTOCOL_AGREED, "remote supports none of " + proposals);
      }
      ctx.writeAndFlush(MultistreamCodec.encode(ctx.alloc(), proposals.get(proposalIndex)));
    } else {
      throw new MultistreamException(
          MultistreamError.UNEXPECTED_MESSAGE, "proposed '" + proposed + "', got '" + message + "'");
    }
  }

  private void onProposal(ChannelHandlerContext ctx, String message) {
    if (++proposalsSeen > config.maxProposals()) {
      throw new MultistreamException(
          MultistreamError.TOO_MANY_PROPOSALS, "more than " + config.maxProposals() + " proposals");
    }
    Collection<String> ids = supported.get();
    if (MultistreamProtocol.LS.equals(message)) {
      ByteBuf out = ctx.alloc().buffer();
      MultistreamCodec.encodeList(ids, out);
      ctx.writeAndFlush(out);
    } else if (ids.contains(message)) {
      ctx.writeAndFlush(MultistreamCodec.encode(ctx.alloc(), message));
      succeed(ctx, message);
    } else {
      ctx.writeAndFlush(MultistreamCodec.encode(ctx.alloc(), MultistreamProtocol.NA));
    }
  }

  private void succeed(ChannelHandlerContext ctx, String protocol) {
    state = State.DONE;
    cancelTimeout();
    selected.complete(protocol);
    if (ctx.channel().isOpen() && !ctx.isRemoved()) {
      ctx.pipeline().remove(this);
    }
  }

  private void fail(ChannelHandlerContext ctx, Throwable cause) {
    if (state == State.DONE || state == State.FAILED) {
      return;
    }
    state = State.FAILED;
    cancelTimeout();
    releaseCumulation();
    LOG.debug("multistream negotiation failed on {}: {}", ctx.channel(), cause.getMessage());
    selected.completeExceptionally(cause);
    ctx.close();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancelTimeout();
    ByteBuf leftover = cumulation;
    cumulation = null;
    if (leftover != null && leftover.isReadable() && state == State.DONE) {
      ctx.fireChannelRead(leftover);
      ctx.fireChannelReadComplete();
    } else if (leftover != null) {
      leftover.release();
    }
    if (state != State.DONE && state != State.FAILED) {
      state = State.FAILED;
      selected.completeExceptionally(new MultistreamException(
          MultistreamError.CHANNEL_CLOSED, "handler removed before agreement"));
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    fail(ctx, new MultistreamException(MultistreamError.CHANNEL_CLOSED, "closed before agreement"));
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (state == State.DONE) {
      ctx.fireExceptionCaught(cause);
    } else {
      fail(ctx, cause);
    }
  }

  private void cancelTimeout() {
    if (timeout != null) {
      timeout.cancel(false);
      timeout = null;
    }
  }

  private void releaseCumulation() {
    if (cumulation != null) {
      cumulation.release();
      cumulation = null;
    }
  }
}
