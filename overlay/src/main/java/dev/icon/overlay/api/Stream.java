package dev.icon.overlay.api;

import dev.icon.overlay.identity.PeerId;
import io.netty.channel.Channel;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * One negotiated, multiplexed stream to a peer, speaking {@link #protocol()}.
 *
 * <p>Threading: every method may be called from any thread; writes are queued on the stream's
 * event loop in call order. Backpressure: the future of a write completes once the bytes were
 * handed to the muxer; {@link #writable()} completes when the muxer's window and the connection's
 * buffers have room again, so a writer should wait on it before writing more.
 *
 * <p>Reading: either set one {@link StreamReader} with {@link #onData} or use {@link
 * #inputStream()} (blocking, for callers off the event loop), not both. Data that arrives before a
 * reader is set is buffered.
 *
 * <p>Escape hatch: {@link #channel()} is the Netty child channel. Protocol authors may add their own
 * handlers with {@code channel().pipeline().addBefore(Stream.HANDLER_NAME, ...)}; they then see the
 * raw {@code ByteBuf}s first (and own their reference counts).
 *
 * <p>Close: {@link #closeWrite()} half-closes (the remote reads end of stream and may still
 * answer); {@link #close()} closes both directions; {@link #reset()} aborts.
 */
public interface Stream {

  /** The name of the host's handler in {@link #channel()}'s pipeline. */
  String HANDLER_NAME = "icon-stream";

  /** The negotiated protocol id. */
  String protocol();

  /** The peer at the other end. */
  PeerId remotePeer();

  /** The connection carrying the stream. */
  Connection connection();

  /** Who opened the stream. */
  Direction direction();

  /** Writes a copy of {@code data}; completes when handed to the muxer. */
  CompletableFuture<Void> write(byte[] data);

  /** Writes a copy of the remaining bytes of {@code data} (its position is advanced). */
  CompletableFuture<Void> write(ByteBuffer data);

  /** Completes when the stream accepts more writes without queueing (now, if it does). */
  CompletableFuture<Void> writable();

  /** Sets the reader; buffered data is delivered to it at once (on the event loop). */
  void onData(StreamReader reader);

  /** A blocking input stream over the stream's data; do not call its read on the event loop. */
  InputStream inputStream();

  /** Half-closes: no more writes; the remote sees end of stream. */
  CompletableFuture<Void> closeWrite();

  /** Closes both directions. */
  CompletableFuture<Void> close();

  /** Aborts the stream (reset). */
  void reset();

  /** Completes when the stream is fully closed. */
  CompletableFuture<Void> closeFuture();

  /** The Netty child channel (escape hatch for protocol authors). */
  Channel channel();
}
