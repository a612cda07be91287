package dev.icon.gossip.host;

import dev.icon.overlay.api.Stream;
import dev.icon.overlay.api.StreamReader;
import java.nio.ByteBuffer;

/**
 * The reader of our outbound pubsub stream, which carries only our writes: anything the remote
 * sends on it is discarded, and a remote close closes our side too, so the stream ends and is
 * reopened (or the peer given up). Called on the stream's event loop.
 */
record WriteOnlyReader(Stream stream) implements StreamReader {

  @Override
  public void onData(ByteBuffer data) {
    data.position(data.limit());
  }

  @Override
  public void onRemoteClosed() {
    stream.close();
  }
}
