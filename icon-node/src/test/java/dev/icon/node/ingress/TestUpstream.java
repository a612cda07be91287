package dev.icon.node.ingress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback (the JDK's), standing for the service behind a gateway. Paths:
 * {@code /slow} waits until {@link #release()}; {@code /chunked} and {@code /big} answer 10,000
 * and 100,000 {@code c} chunked; {@code /headers} answers the request headers it
 * got, one {@code name: value} a line (names lower case); anything else answers {@code
 * NAME METHOD PATH?QUERY}.
 */
final class TestUpstream implements AutoCloseable {

  final String name;
  final HttpServer server;
  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger slowArrived = new AtomicInteger();
  final ConcurrentLinkedQueue<String> paths = new ConcurrentLinkedQueue<>();
  private final CountDownLatch slowGate = new CountDownLatch(1);
  private final ExecutorService pool = Executors.newCachedThreadPool();

  TestUpstream(String name) throws IOException {
    this.name = name;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  void release() {
    slowGate.countDown();
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    String path = ex.getRequestURI().getRawPath();
    String query = ex.getRequestURI().getRawQuery();
    paths.add(path);
    ex.getRequestBody().readAllBytes();
    String body;
    if (path.equals("/slow")) {
      slowArrived.incrementAndGet();
      try {
        slowGate.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      body = name + " slow";
    } else if (path.equals("/chunked") || path.equals("/big")) {
      int n = path.equals("/big") ? 100_000 : 10_000;
      ex.sendResponseHeaders(200, 0); // length unknown: chunked
      ex.getResponseBody().write("c".repeat(n).getBytes(StandardCharsets.UTF_8));
      ex.close();
      return;
    } else if (path.equals("/headers")) {
      StringBuilder b = new StringBuilder();
      ex.getRequestHeaders().forEach((k, v) ->
          v.forEach(x -> b.append(k.toLowerCase()).append(": ").append(x).append('\n')));
      body = b.toString();
    } else {
      body = name + " " + ex.getRequestMethod() + " " + path + (query == null ? "" : "?" + query);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain");
    ex.getResponseHeaders().set("Keep-Alive", "timeout=30");
    ex.sendResponseHeaders(200, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    pool.shutdownNow();
  }
}
