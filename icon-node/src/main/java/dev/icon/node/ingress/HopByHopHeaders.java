package dev.icon.node.ingress;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes the headers that belong to one connection (RFC 9110 section 7.6.1) before a message is
 * forwarded, and adds the forwarding headers. Stateless.
 */
final class HopByHopHeaders {

  /** The hop-by-hop headers, lower case; plus whatever {@code Connection} names. */
  static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
      "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding",
      "upgrade");

  private HopByHopHeaders() {}

  /** Removes every hop-by-hop header and every header named in {@code Connection}. */
  static void strip(HttpHeaders headers) {
    List<String> named = new ArrayList<>();
    for (String value : headers.getAll(HttpHeaderNames.CONNECTION)) {
      for (String token : value.split(",")) {
        String name = token.trim().toLowerCase(Locale.ROOT);
        if (!name.isEmpty()) {
          named.add(name);
        }
      }
    }
    for (String name : HOP_BY_HOP) {
      headers.remove(name);
    }
    for (String name : named) {
      headers.remove(name);
    }
  }

  /**
   * Appends {@code client} to {@code X-Forwarded-For} (one header, comma separated) and sets
   * {@code X-Forwarded-Proto: http} and, when the request named a host, {@code X-Forwarded-Host}.
   */
  static void forwarded(HttpHeaders headers, String client) {
    List<String> previous = headers.getAll("x-forwarded-for");
    headers.remove("x-forwarded-for");
    String chain = previous.isEmpty() ? client : String.join(", ", previous) + ", " + client;
    headers.set("x-forwarded-for", chain);
    headers.set("x-forwarded-proto", "http");
    String host = headers.get(HttpHeaderNames.HOST);
    if (host != null && !headers.contains("x-forwarded-host")) {
      headers.set("x-forwarded-host", host);
    }
  }
}
