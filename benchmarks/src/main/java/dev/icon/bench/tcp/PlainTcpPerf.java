package dev.icon.bench.tcp;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * The ceiling of the overlay throughput benchmark: the perf protocol's exchange (sizes up front,
 * the upload, then the download) over plain Netty TCP, with no encryption and
 * no multiplexing. Run as two processes, like the peers it is compared with:
 *
 * <pre>
 *   PlainTcpPerf server            prints {"event":"listening","port":N}
 *   PlainTcpPerf client PORT UPLOAD_BYTES DOWNLOAD_BYTES RUNS   prints one "perf" line per run
 * </pre>
 *
 * <p>Sizes travel in a 16-byte header instead of the perf protocol's half-close: on Netty 4.2.18's
 * epoll transport a client that shut down its output saw its input shut down early (NIO did not).
 */
public final class PlainTcpPerf {

  private static final int CHUNK = 64 * 1024;
  private static final ByteBuf ZEROS = Unpooled.unreleasableBuffer(
      Unpooled.directBuffer(CHUNK).writeZero(CHUNK));

  /** Native epoll where it loads, unless -Dicon.bench.nio=true asks for NIO. */
  private static final boolean EPOLL = Epoll.isAvailable() && !Boolean.getBoolean("icon.bench.nio");

  private PlainTcpPerf() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("server")) {
      server();
    } else if (args.length == 5 && args[0].equals("client")) {
      client(Integer.parseInt(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3]),
          Integer.parseInt(args[4]));
    } else {
      System.err.println("usage: PlainTcpPerf server | client PORT UPLOAD DOWNLOAD RUNS");
      System.exit(2);
    }
  }

  private static EventLoopGroup group() {
    return new MultiThreadIoEventLoopGroup(1,
        EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
  }

  private static void server() throws InterruptedException {
    EventLoopGroup group = group();
    Channel server = new ServerBootstrap().group(group)
        .channel(EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new ServerSide());
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    int port = ((InetSocketAddress) server.localAddress()).getPort();
    System.out.println("{\"event\":\"listening\",\"port\":" + port + "}");
    System.out.flush();
    server.closeFuture().sync();
  }

  private static void client(int port, long upload, long download, int runs) throws Exception {
    EventLoopGroup group = group();
    try {
      double[] up = new double[runs];
      double[] down = new double[runs];
      for (int i = 0; i < runs; i++) {
        up[i] = upload == 0 ? 0 : transfer(group, port, upload, 0);
        down[i] = download == 0 ? 0 : transfer(group, port, 0, download);
        System.out.printf("{\"event\":\"perf\",\"upload_bytes\":%d,\"download_bytes\":%d,"
            + "\"upload_s\":%.6f,\"download_s\":%.6f,\"upload_gbps\":%.3f,\"download_gbps\":%.3f}%n",
            upload, download, up[i], down[i], gbps(upload, up[i]), gbps(download, down[i]));
      }
      Arrays.sort(up);
      Arrays.sort(down);
      System.out.printf("{\"event\":\"perf-summary\",\"upload_gbps\":%.3f,\"download_gbps\":%.3f}%n",
          gbps(upload, up[runs / 2]), gbps(download, down[runs / 2]));
    } finally {
      group.shutdownGracefully().sync();
    }
  }

  private static double gbps(long bytes, double seconds) {
    return seconds <= 0 ? 0 : bytes * 8 / seconds / 1e9;
  }

  /** One exchange on a fresh connection; returns the seconds it took, connect excluded. */
  private static double transfer(EventLoopGroup group, int port, long upload, long download)
      throws Exception {
    CompletableFuture<Long> done = new CompletableFuture<>();
    Channel ch = new Bootstrap().group(group)
        .channel(EPOLL ? EpollSocketChannel.class : NioSocketChannel.class)
        .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .handler(new ClientSide(download, done))
        .connect(new InetSocketAddress("127.0.0.1", port)).sync().channel();
    long start = System.nanoTime();
    ch.eventLoop().execute(() -> {
      try {
        ch.write(ch.alloc().buffer(16).writeLong(upload).writeLong(download));
        new Pump(ch, upload).run();
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
    long end = done.get();
    ch.close().sync();
    return (end - start) / 1e9;
  }

  /** Writes {@code remaining} bytes honouring writability, then half-closes. */
  private static final class Pump implements Runnable {
    private final Channel ch;
    private long remaining;

    Pump(Channel ch, long remaining) {
      this.ch = ch;
      this.remaining = remaining;
    }

    @Override
    public void run() {
      while (remaining > 0) {
        while (remaining > 0 && ch.isWritable()) {
          int n = (int) Math.min(CHUNK, remaining);
          remaining -= n;
          ch.write(ZEROS.retainedSlice(0, n));
        }
        ch.flush();
        if (!ch.isWritable()) {
          // flush() may drain the buffer and fire writability itself: wait only if still full.
          ch.pipeline().addLast(new WritabilityWaiter(this));
          return;
        }
      }
      ch.flush();
    }
  }

  /** Resumes a pump once the channel is writable again. */
  private static final class WritabilityWaiter extends ChannelInboundHandlerAdapter {
    private final Runnable resume;

    WritabilityWaiter(Runnable resume) {
      this.resume = resume;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (ctx.channel().isWritable()) {
        ctx.pipeline().remove(this);
        resume.run();
      }
    }
  }

  /** Counts the download; an upload-only exchange ends with the server's one-byte ack. */
  private static final class ClientSide extends ChannelInboundHandlerAdapter {
    private final long expected;
    private final CompletableFuture<Long> done;
    private long received;

    ClientSide(long download, CompletableFuture<Long> done) {
      this.expected = Math.max(download, 1);
      this.done = done;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf buf = (ByteBuf) msg;
      received += buf.readableBytes();
      buf.release();
      if (received >= expected) {
        done.complete(System.nanoTime());
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      done.completeExceptionally(new IllegalStateException(
          "connection closed after " + received + " of " + expected + " bytes"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      done.completeExceptionally(cause);
      ctx.close();
    }
  }

  /** Reads the 16-byte header and the upload, then sends the download (or a one-byte ack). */
  private static final class ServerSide extends ChannelInboundHandlerAdapter {
    private final ByteBuf header = Unpooled.buffer(16);
    private long upload = -1;
    private long download;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf buf = (ByteBuf) msg;
      if (upload < 0) {
        header.writeBytes(buf, Math.min(header.writableBytes(), buf.readableBytes()));
        if (header.writableBytes() == 0) {
          upload = header.readLong();
          download = header.readLong();
        }
      }
      if (upload >= 0) {
        long n = Math.min(upload, buf.readableBytes());
        upload -= n;
        buf.skipBytes((int) n);
        if (upload == 0) {
          upload = Long.MAX_VALUE; // done: ignore anything further
          new Pump(ctx.channel(), Math.max(download, 1)).run();
        }
      }
      buf.release();
    }
  }
}
