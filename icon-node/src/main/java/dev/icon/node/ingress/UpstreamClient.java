package dev.icon.node.ingress;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one request to an upstream and delivers its whole response: the seam between {@link
 * IngressHandler} and the network (tests use an in-memory one). Thread-safe.
 */
interface UpstreamClient {

  /**
   * Sends {@code request} (ownership passes: the client releases it) to {@code upstream},
   * preferably over a connection served by {@code loop} (the client connection's), and
   * completes {@code result} with the response (ownership passes to whoever takes it from the
   * promise) or fails it with an {@link UpstreamException}.
   */
  void send(InetSocketAddress upstream, EventLoop loop, FullHttpRequest request,
      Promise<FullHttpResponse> result);

  /** Closes pooled connections; completes when done. Idempotent. */
  CompletableFuture<Void> close();
}
