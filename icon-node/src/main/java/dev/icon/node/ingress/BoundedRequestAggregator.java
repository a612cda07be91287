package dev.icon.node.ingress;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/**
 * Aggregates a request up to the configured body size; a larger one is answered 413 by Netty's
 * aggregator (and its connection closed) and counted here. One per connection.
 */
final class BoundedRequestAggregator extends HttpObjectAggregator {

  private final IngressMetrics metrics;

  BoundedRequestAggregator(int maxBodyBytes, IngressMetrics metrics) {
    super(maxBodyBytes);
    this.metrics = metrics;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized)
      throws Exception {
    metrics.error("too_large");
    super.handleOversizedMessage(ctx, oversized);
  }
}
