package dev.icon.node.ingress;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load client: {@code threads} threads sending GETs back to back until stopped, counting
 * answers by their first word (the upstream's name) and keeping every failure.
 */
final class LoadClient implements AutoCloseable {

  private final HttpClient client;
  private final URI target;
  private final int threads;
  private final List<Thread> running = new ArrayList<>();
  private final Map<String, AtomicInteger> byUpstream = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
  private final AtomicLong seq = new AtomicLong();
  private volatile boolean stop;

  LoadClient(HttpClient client, URI target, int threads) {
    this.client = client;
    this.target = target;
    this.threads = threads;
  }

  void start() {
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(this::loop, "load-" + i);
      t.setDaemon(true);
      running.add(t);
      t.start();
    }
  }

  private void loop() {
    while (!stop) {
      long n = seq.incrementAndGet();
      try {
        HttpResponse<String> r = client.send(
            HttpRequest.newBuilder(URI.create(target + "?n=" + n))
                .timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().endsWith("?n=" + n)) {
          failures.add(n + ": " + r.statusCode() + " " + r.body());
        } else {
          String name = r.body().split(" ", 2)[0];
          byUpstream.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        }
      } catch (Exception e) {
        failures.add(n + ": " + e);
      }
    }
  }

  int fromPrefix(String upstream) {
    AtomicInteger c = byUpstream.get(upstream);
    return c == null ? 0 : c.get();
  }

  List<String> failures() {
    return List.copyOf(failures);
  }

  void stop() throws InterruptedException {
    stop = true;
    for (Thread t : running) {
      t.join(15_000);
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
