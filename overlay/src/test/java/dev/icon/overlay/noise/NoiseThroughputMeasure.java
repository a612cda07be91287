package dev.icon.overlay.noise;

import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.spi.Role;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A rough, JMH-free throughput figure for one Noise connection, one direction, with the sender and
 * the receiver on two event loops. Not a test; run its {@code main} by hand, preferably on the
 * newest JDK present (see {@link #main} for the arguments).
 */
public final class NoiseThroughputMeasure {

  private NoiseThroughputMeasure() {}

  /** Writes {@code chunk} repeatedly on the event loop while the channel is writable. */
  private static final class Pump extends ChannelInboundHandlerAdapter {
    private final ByteBuf chunk;
    private final long total;
    private long sent;

    Pump(ByteBuf chunk, long total) {
      this.chunk = chunk;
      this.total = total;
    }

    void pump(ChannelHandlerContext ctx) {
      while (sent < total && ctx.channel().isWritable()) {
        ctx.write(chunk.retainedDuplicate());
        sent += chunk.readableBytes();
        if (sent % (16L * chunk.readableBytes()) == 0) {
          ctx.flush();
        }
      }
      ctx.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      pump(ctx);
      ctx.fireChannelWritabilityChanged();
    }
  }

  /**
   * Sends the data once to warm up, then again timed, and prints Gbit/s. Arguments: mode
   * ({@code local}: Noise over Netty's in-memory transport; {@code tcp}: Noise over loopback TCP;
   * {@code plain}: loopback TCP without Noise, the baseline), megabytes (default 512), write size
   * (default 65536).
   */
  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "local";
    long megabytes = args.length > 1 ? Long.parseLong(args[1]) : 512;
    int writeSize = args.length > 2 ? Integer.parseInt(args[2]) : 65536;
    for (int round = 0; round < 2; round++) {
      EventLoopGroup group = mode.equals("local")
          ? new MultiThreadIoEventLoopGroup(2, LocalIoHandler.newFactory())
          : new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
      Channel[] pair = mode.equals("local") ? localPair(group) : tcpPair(group);
      Channel dialer = pair[0];
      Channel listener = pair[1];
      try {
        if (!mode.equals("plain")) {
          CompletableFuture<?> l = new NoiseSecureChannel(PrivateKey.generateEd25519(), NoiseConfig.defaults())
              .secure(listener, Role.RESPONDER, Optional.empty(), List.of());
          listener.eventLoop().submit(() -> { }).get();
          new NoiseSecureChannel(PrivateKey.generateEd25519(), NoiseConfig.defaults())
              .secure(dialer, Role.INITIATOR, Optional.empty(), List.of()).get(10, TimeUnit.SECONDS);
          l.get(10, TimeUnit.SECONDS);
        }
        long total = megabytes << 20;
        AtomicLong received = new AtomicLong();
        CompletableFuture<Long> done = new CompletableFuture<>();
        listener.pipeline().addLast(new ChannelInboundHandlerAdapter() {
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object msg) {
            long n = received.addAndGet(((ByteBuf) msg).readableBytes());
            ((ByteBuf) msg).release();
            if (n >= total) {
              done.complete(System.nanoTime());
            }
          }
        });
        ByteBuf chunk = Unpooled.directBuffer(writeSize).writeZero(writeSize);
        long start = System.nanoTime();
        Pump pump = new Pump(chunk, total);
        dialer.eventLoop().execute(() -> {
          dialer.pipeline().addLast(pump);
          pump.pump(dialer.pipeline().context(pump));
        });
        long end = done.get(300, TimeUnit.SECONDS);
        chunk.release();
        double seconds = (end - start) / 1e9;
        System.out.printf("%s round %d: %d MiB in %.2f s = %.2f Gbit/s (java %s)%n",
            mode, round, megabytes, seconds, total * 8 / seconds / 1e9, System.getProperty("java.version"));
      } finally {
        dialer.close();
        listener.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
      }
    }
  }

  private static Channel[] localPair(EventLoopGroup group) throws Exception {
    return pair(group, LocalServerChannel.class, LocalChannel.class, new LocalAddress("measure-" + System.nanoTime()));
  }

  private static Channel[] tcpPair(EventLoopGroup group) throws Exception {
    return pair(group, NioServerSocketChannel.class, NioSocketChannel.class, new InetSocketAddress("127.0.0.1", 0));
  }

  private static Channel[] pair(EventLoopGroup group, Class<? extends ServerChannel> serverType,
      Class<? extends Channel> type, SocketAddress address) throws Exception {
    CompletableFuture<Channel> accepted = new CompletableFuture<>();
    Channel server = new ServerBootstrap().group(group).channel(serverType)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            accepted.complete(ch);
          }
        }).bind(address).sync().channel();
    Channel dialer = new Bootstrap().group(group).channel(type).handler(new ChannelInboundHandlerAdapter())
        .connect(server.localAddress()).sync().channel();
    Channel listener = accepted.get(5, TimeUnit.SECONDS);
    server.close();
    return new Channel[] {dialer, listener};
  }
}
