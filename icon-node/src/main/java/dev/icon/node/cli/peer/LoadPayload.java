package dev.icon.node.cli.peer;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The load-mode payload, shared with the js peer ({@code lib/load.mjs}): bytes 0-7 the sender's
 * sequence number (from 0), bytes 8-15 the send time in microseconds since the Unix epoch, both
 * unsigned big-endian; zeros after that up to the payload size. Latency is receive time minus send
 * time, so sender and receiver must share a clock (one machine). Immutable.
 *
 * @param seq the sender's sequence number
 * @param sentMicros the send time, microseconds since the epoch
 */
record LoadPayload(long seq, long sentMicros) {

  /** Bytes the header takes; the smallest {@code --load-size}. */
  static final int HEADER_BYTES = 16;

  /** Encodes into a new {@code size}-byte array (at least {@link #HEADER_BYTES}). */
  byte[] encode(int size) {
    if (size < HEADER_BYTES) {
      throw new IllegalArgumentException("payload needs at least " + HEADER_BYTES + " bytes: "
          + size);
    }
    byte[] bytes = new byte[size];
    ByteBuffer.wrap(bytes).putLong(seq).putLong(sentMicros);
    return bytes;
  }

  /** Decodes a payload; null when it is shorter than the header (not a load message). */
  static LoadPayload decode(byte[] bytes) {
    if (bytes.length < HEADER_BYTES) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    return new LoadPayload(b.getLong(), b.getLong());
  }

  /** Microseconds since the epoch on {@code clock} (the system UTC clock has µs precision). */
  static long nowMicros(Clock clock) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
  }
}
