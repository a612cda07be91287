package dev.icon.overlay.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.overlay.multiaddr.Multiaddr;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Transport} meets. An implementation's test extends this class and
 * says how to create the transport and which address to listen on.
 */
public abstract class TransportContractTest {

  protected EventLoops loops;
  protected Transport transport;

  /** Creates the transport under test on {@code loops}. */
  protected abstract Transport createTransport(EventLoops loops);

  /** An address to listen on that picks a free port (or name). */
  protected abstract Multiaddr listenAddress();

  /** An address this transport cannot dial. */
  protected abstract Multiaddr foreignAddress();

  @BeforeEach
  void setUp() {
    loops = EventLoops.create(1, true, "transport-test");
    transport = createTransport(loops);
  }

  @AfterEach
  void tearDown() {
    transport.close().join();
    loops.shutdown().join();
  }

  /** Echoes every buffer back. */
  static final class Echo extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ctx.writeAndFlush(msg);
    }
  }

  /** Completes with the first buffer received, as a string. */
  static final class FirstRead extends ChannelInboundHandlerAdapter {
    final CompletableFuture<String> text = new CompletableFuture<>();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf b = (ByteBuf) msg;
      text.complete(b.toString(StandardCharsets.UTF_8));
      b.release();
    }
  }

  private static ChannelInitializer<Channel> init(io.netty.channel.ChannelHandler h) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        ch.pipeline().addLast(h);
      }
    };
  }

  private static ChannelInitializer<Channel> echoInit() {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        ch.pipeline().addLast(new Echo());
      }
    };
  }

  @Test
  void listenResolvesTheBoundAddress() {
    TransportListener l = transport.listen(listenAddress(), echoInit()).join();
    assertThat(l.address()).isNotEqualTo(listenAddress());
    assertThat(transport.canDial(l.address())).isTrue();
    l.close().join();
  }

  @Test
  void dialedChannelCarriesBytesBothWays() throws Exception {
    TransportListener l = transport.listen(listenAddress(), echoInit()).join();
    FirstRead reader = new FirstRead();
    Channel ch = transport.dial(l.address(), init(reader)).get(5, TimeUnit.SECONDS);
    ch.writeAndFlush(Unpooled.copiedBuffer("hello", StandardCharsets.UTF_8));
    assertThat(reader.text.get(5, TimeUnit.SECONDS)).isEqualTo("hello");
    assertThat(transport.remoteAddress(ch)).isEqualTo(l.address());
    assertThat(transport.localAddress(ch)).isNotNull();
    ch.close().sync();
  }

  @Test
  void dialToClosedListenerFails() {
    TransportListener l = transport.listen(listenAddress(), echoInit()).join();
    Multiaddr gone = l.address();
    l.close().join();
    assertThatThrownBy(() -> transport.dial(gone, echoInit()).get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(TransportException.class);
  }

  @Test
  void foreignAddressIsRefused() {
    assertThat(transport.canDial(foreignAddress())).isFalse();
    assertThat(transport.canListen(foreignAddress())).isFalse();
    CompletableFuture<Channel> f = transport.dial(foreignAddress(), echoInit());
    assertThatThrownBy(f::join).isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(TransportException.class);
  }

  @Test
  void closeStopsEveryListener() {
    TransportListener a = transport.listen(listenAddress(), echoInit()).join();
    TransportListener b = transport.listen(listenAddress(), echoInit()).join();
    transport.close().join();
    for (Multiaddr addr : new Multiaddr[] {a.address(), b.address()}) {
      assertThatThrownBy(() -> transport.dial(addr, echoInit()).get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(TransportException.class);
    }
  }

  /** Dial timeout used by implementations in this suite. */
  protected static final Duration DIAL_TIMEOUT = Duration.ofSeconds(5);
}
