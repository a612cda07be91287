package dev.icon.overlay.host;

import dev.icon.overlay.api.StreamReader;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A blocking {@link InputStream} fed by a stream's reader callbacks. Reads block the calling
 * thread (never the event loop). Backpressure: when more than {@link #HIGH_WATER} bytes wait
 * unread, autoRead is switched off (so the muxer's window stops the sender) until the reader
 * catches up.
 */
final class StreamInputStream extends InputStream implements StreamReader {

  static final int HIGH_WATER = 1 << 20;
  private static final byte[] EOF = new byte[0];

  private final Channel channel;
  private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
  private volatile long buffered;
  private byte[] current;
  private int pos;
  private boolean eof;
  private volatile Throwable failure;

  StreamInputStream(Channel channel) {
    this.channel = channel;
  }

  @Override
  public void onData(ByteBuffer data) {
    byte[] copy = new byte[data.remaining()];
    data.get(copy);
    synchronized (this) {
      buffered += copy.length;
    }
    chunks.add(copy);
    if (buffered > HIGH_WATER) {
      channel.config().setAutoRead(false);
    }
  }

  @Override
  public void onRemoteClosed() {
    chunks.add(EOF);
  }

  @Override
  public void onClosed(Throwable cause) {
    failure = cause;
    chunks.add(EOF);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      if (failure != null) {
        throw new IOException("stream failed", failure);
      }
      return -1;
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    boolean resume;
    synchronized (this) {
      buffered -= n;
      resume = buffered <= HIGH_WATER / 2;
    }
    if (resume && !channel.config().isAutoRead() && channel.isActive()) {
      channel.config().setAutoRead(true);
    }
    return n;
  }

  private boolean fill() throws IOException {
    while (current == null || pos == current.length) {
      if (eof) {
        return false;
      }
      try {
        current = chunks.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException();
      }
      pos = 0;
      if (current == EOF) {
        eof = true;
        current = null;
        return false;
      }
    }
    return true;
  }

  @Override
  public int available() {
    return current == null ? 0 : current.length - pos;
  }
}
