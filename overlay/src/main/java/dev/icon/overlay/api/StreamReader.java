package dev.icon.overlay.api;

import java.nio.ByteBuffer;

/**
 * Receives a stream's data. Threading: every method is called on the stream's event loop, one at a
 * time, in order; none may block. The buffers are valid only during the call (copy to keep).
 */
public interface StreamReader {

  /** Data arrived. */
  void onData(ByteBuffer data);

  /** The remote finished writing (half close); no more data will arrive. */
  default void onRemoteClosed() {}

  /** The stream is fully closed or was reset; {@code cause} is null on a clean close. */
  default void onClosed(Throwable cause) {}
}
