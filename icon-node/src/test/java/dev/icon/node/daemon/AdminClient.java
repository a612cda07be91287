package dev.icon.node.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP requests to a node's admin API, for tests. */
final class AdminClient {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final InetSocketAddress address;
  private final String token;

  AdminClient(InetSocketAddress address, String token) {
    this.address = address;
    this.token = token;
  }

  HttpResponse<String> get(String path, String bearer) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + address.getPort() + path)).timeout(Duration.ofSeconds(10)).GET();
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  int post(String path) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort()
        + path)).header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    return HTTP.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  String body(String path) throws Exception {
    HttpResponse<String> r = get(path, token);
    if (r.statusCode() != 200) {
      throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  JsonNode status() throws Exception {
    return new ObjectMapper().readTree(body("/status"));
  }
}
