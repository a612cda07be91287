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
import io.netty.channel.socket.DuplexChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * The ceiling of the overlay throughput benchmark: the perf protocol's exchange (8-byte download
 * size, upload until half-close, then the download) over plain Netty TCP, with no encryption and
 * no multiplexing. Run as two processes, like the peers it is compared with:
 *
 * <pre>
 *   PlainTcpPerf server            prints {"event":"listening","port":N}
 *   PlainTcpPerf client PORT UPLOAD_BYTES DOWNLOAD_BYTES RUNS   prints one "perf" line per run
 * </pre>
 */
public final class PlainTcpPerf {

  private static final int CHUNK = 64 * 1024;
  private static final ByteBuf ZEROS = Unpooled.unreleasableBuffer(
      Unpooled.directBuffer(CHUNK).writeZero(CHUNK)).asReadOnly();

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
        Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
  }

  private static void server() throws InterruptedException {
    EventLoopGroup group = group();
    Channel server = new ServerBootstrap().group(group)
        .channel(Epoll.isAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
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
        .channel(Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class)
        .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .handler(new ClientSide(download, done))
        .connect(new InetSocketAddress("127.0.0.1", port)).sync().channel();
    long start = System.nanoTime();
    ch.eventLoop().execute(() -> {
      ch.write(ch.alloc().buffer(8).writeLong(download));
      new Pump(ch, upload).run();
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
      while (remaining > 0 && ch.isWritable()) {
        int n = (int) Math.min(CHUNK, remaining);
        remaining -= n;
        ch.write(ZEROS.retainedSlice(0, n));
      }
      ch.flush();
      if (remaining == 0) {
        ((DuplexChannel) ch).shutdownOutput();
      } else {
        ch.pipeline().addLast(new WritabilityWaiter(this));
      }
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

  private static final class ClientSide extends ChannelInboundHandlerAdapter {
    private final long expected;
    private final CompletableFuture<Long> done;
    private long received;

    ClientSide(long expected, CompletableFuture<Long> done) {
      this.expected = expected;
      this.done = done;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf buf = (ByteBuf) msg;
      received += buf.readableBytes();
      buf.release();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
        finish();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      finish();
    }

    private void finish() {
      if (received == expected) {
        done.complete(System.nanoTime());
      } else {
        done.completeExceptionally(new IllegalStateException(
            "received " + received + " of " + expected + " bytes"));
      }
    }
  }

  private static final class ServerSide extends ChannelInboundHandlerAdapter {
    private ByteBuf header;
    private long download = -1;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf buf = (ByteBuf) msg;
      if (download < 0) {
        if (header == null) {
          header = ctx.alloc().buffer(8);
        }
        header.writeBytes(buf, Math.min(8 - header.readableBytes(), buf.readableBytes()));
        if (header.readableBytes() == 8) {
          download = header.readLong();
          header.release();
          header = null;
        }
      }
      buf.release(); // upload bytes are counted by nobody: the client times the exchange
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
        new Pump(ctx.channel(), Math.max(download, 0)).run();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (header != null) {
        header.release();
      }
    }
  }
}
