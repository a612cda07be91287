package dev.icon.overlay.noise;

import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.spi.LocalChannelPair;
import dev.icon.overlay.spi.Role;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A rough, JMH-free throughput figure for one Noise connection over Netty's in-memory transport
 * (so crypto and framing dominate). Not a test; run its {@code main} by hand, preferably on the
 * newest JDK present. Arguments: megabytes to send (default 512), write size (default 65536).
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

  /** Sends the data once to warm up, then again timed, and prints Gbit/s. */
  public static void main(String[] args) throws Exception {
    long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 512;
    int writeSize = args.length > 1 ? Integer.parseInt(args[1]) : 65536;
    for (int round = 0; round < 2; round++) {
      try (LocalChannelPair pair = new LocalChannelPair()) {
        CompletableFuture<?> l = new NoiseSecureChannel(PrivateKey.generateEd25519(), NoiseConfig.defaults())
            .secure(pair.listener(), Role.RESPONDER, Optional.empty(), List.of());
        LocalChannelPair.drain(pair.listener());
        new NoiseSecureChannel(PrivateKey.generateEd25519(), NoiseConfig.defaults())
            .secure(pair.dialer(), Role.INITIATOR, Optional.empty(), List.of()).get(10, TimeUnit.SECONDS);
        l.get(10, TimeUnit.SECONDS);
        long total = megabytes << 20;
        AtomicLong received = new AtomicLong();
        CompletableFuture<Long> done = new CompletableFuture<>();
        pair.listener().pipeline().addLast(new ChannelInboundHandlerAdapter() {
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
        pair.dialer().eventLoop().execute(() -> {
          pair.dialer().pipeline().addLast(pump);
          pump.pump(pair.dialer().pipeline().context(pump));
        });
        long end = done.get(300, TimeUnit.SECONDS);
        chunk.release();
        double seconds = (end - start) / 1e9;
        System.out.printf("round %d: %d MiB in %.2f s = %.2f Gbit/s (%s)%n",
            round, megabytes, seconds, total * 8 / seconds / 1e9, System.getProperty("java.version"));
      }
    }
  }
}
