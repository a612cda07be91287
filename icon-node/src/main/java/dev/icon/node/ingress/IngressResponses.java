package dev.icon.node.ingress;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** The gateway's own answers: plain-text bodies saying what happened. Stateless. */
final class IngressResponses {

  private IngressResponses() {}

  /** A response of {@code status} with {@code text} and a newline as its body. */
  static FullHttpResponse text(ByteBufAllocator alloc, int status, String text) {
    byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(status), alloc.buffer(body.length).writeBytes(body));
    r.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
        .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
    return r;
  }

  /** 307 to {@code location}: the client repeats the same method and body there. */
  static FullHttpResponse redirect(ByteBufAllocator alloc, String location) {
    FullHttpResponse r = text(alloc, 307, "moved to " + location);
    r.headers().set(HttpHeaderNames.LOCATION, location);
    return r;
  }
}
