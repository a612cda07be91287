package dev.icon.gossip.host;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.gossip.wire.GossipWireError;
import dev.icon.gossip.wire.GossipWireException;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits an inbound pubsub stream into RPCs: uvarint length prefix, then that many bytes of
 * protobuf (the framing of {@code gossip.wire.RpcCodec}, for streams read through a
 * {@code StreamReader} rather than a Netty pipeline). A length above the limit is refused as soon as
 * the prefix is complete, so at most {@code maxRpcSize} plus a prefix is ever buffered. Works on
 * heap copies only (no reference-counted buffers).
 *
 * <p>Not thread-safe: one instance per stream, fed on the stream's event loop. After a failure it
 * refuses all further input.
 */
final class RpcFrameDecoder {
  private static final int MAX_PREFIX = 5; // 2^35 > any int limit: a longer prefix is malformed

  private final int maxRpcSize;
  private byte[] buf = new byte[256];
  private int len;
  private boolean failed;

  RpcFrameDecoder(int maxRpcSize) {
    if (maxRpcSize <= 0) {
      throw new IllegalArgumentException("maxRpcSize must be positive: " + maxRpcSize);
    }
    this.maxRpcSize = maxRpcSize;
  }

  /**
   * Appends {@code data} (consumed) and returns the RPCs completed by it, each with its frame size.
   *
   * @throws GossipWireException on a malformed prefix ({@link GossipWireError#MALFORMED_LENGTH}),
   *     an oversized length ({@link GossipWireError#OVERSIZED_RPC}) or an unparsable RPC
   *     ({@link GossipWireError#MALFORMED_RPC}); the decoder is then unusable
   */
  List<Frame> feed(ByteBuffer data) {
    if (failed) {
      throw new GossipWireException(GossipWireError.MALFORMED_RPC, "stream already failed");
    }
    append(data);
    List<Frame> out = new ArrayList<>(1);
    int pos = 0;
    while (true) {
      long length = 0;
      int prefix = -1;
      for (int i = 0; i < MAX_PREFIX && pos + i < len; i++) {
        int b = buf[pos + i] & 0xFF;
        length |= (long) (b & 0x7F) << (7 * i);
        if ((b & 0x80) == 0) {
          if (b == 0 && i > 0) {
            throw fail(GossipWireError.MALFORMED_LENGTH, "non-minimal RPC length prefix");
          }
          prefix = i + 1;
          break;
        }
      }
      if (prefix < 0) {
        if (len - pos >= MAX_PREFIX) {
          throw fail(GossipWireError.MALFORMED_LENGTH, "RPC length prefix longer than 5 bytes");
        }
        break;
      }
      if (length > maxRpcSize) {
        throw fail(GossipWireError.OVERSIZED_RPC,
            "RPC of " + length + " bytes exceeds the limit of " + maxRpcSize);
      }
      int size = (int) length;
      if (len - pos - prefix < size) {
        break;
      }
      try {
        out.add(new Frame(RPC.parseFrom(ByteBuffer.wrap(buf, pos + prefix, size)), prefix + size));
      } catch (InvalidProtocolBufferException e) {
        throw fail(GossipWireError.MALFORMED_RPC, "unparsable RPC protobuf: " + e.getMessage());
      }
      pos += prefix + size;
    }
    compact(pos);
    return out;
  }

  private void append(ByteBuffer data) {
    int n = data.remaining();
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
    }
    data.get(buf, len, n);
    len += n;
  }

  private void compact(int consumed) {
    if (consumed == 0) {
      return;
    }
    System.arraycopy(buf, consumed, buf, 0, len - consumed);
    len -= consumed;
    if (buf.length > 64 * 1024 && len < buf.length / 4) {
      buf = Arrays.copyOf(buf, Math.max(256, len * 2));
    }
  }

  private GossipWireException fail(GossipWireError error, String message) {
    failed = true;
    buf = new byte[0];
    len = 0;
    return new GossipWireException(error, message);
  }

  /** One decoded RPC and the bytes its frame took on the wire. */
  record Frame(RPC rpc, int wireBytes) {}
}
