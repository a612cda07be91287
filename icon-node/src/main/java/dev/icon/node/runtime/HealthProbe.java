package dev.icon.node.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Runs {@link HealthCheck}s against a workload's endpoint from this host: a TCP connect, or an
 * HTTP/1.0 GET whose status line must be 2xx or 3xx. Stateless and thread-safe; used by both
 * runtimes so a service is judged the same way on either.
 */
public final class HealthProbe {

  private HealthProbe() {}

  /** One probe; never throws for an unhealthy service. */
  public static HealthResult probe(HealthCheck check, InetSocketAddress endpoint) {
    int timeoutMs = (int) Math.min(Integer.MAX_VALUE, Math.max(1, check.timeout().toMillis()));
    try (Socket socket = new Socket()) {
      socket.connect(endpoint, timeoutMs);
      if (check.kind() == HealthCheck.Kind.TCP) {
        return new HealthResult(true, 1, "TCP connect");
      }
      socket.setSoTimeout(timeoutMs);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + check.path() + " HTTP/1.0\r\nHost: " + endpoint.getHostString()
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = statusLine(socket.getInputStream());
      String[] parts = status.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        return new HealthResult(false, 1, "not HTTP: '" + status + "'");
      }
      boolean ok = parts[1].length() == 3 && (parts[1].charAt(0) == '2' || parts[1].charAt(0) == '3');
      return new HealthResult(ok, 1, "HTTP " + parts[1]);
    } catch (IOException e) {
      return new HealthResult(false, 1, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * Probes every {@code check.interval()} until healthy, {@code check.retries()} probes were made,
   * or {@code exited} returns a reason (non-null) the workload cannot become healthy.
   */
  public static HealthResult await(HealthCheck check, InetSocketAddress endpoint, Supplier<String> exited) {
    HealthResult last = null;
    for (int probe = 1; probe <= check.retries(); probe++) {
      String gone = exited.get();
      if (gone != null) {
        return new HealthResult(false, probe - 1, gone);
      }
      last = probe(check, endpoint);
      if (last.healthy()) {
        return new HealthResult(true, probe, last.detail());
      }
      if (probe < check.retries()) {
        try {
          Thread.sleep(check.interval().toMillis()); // the check's own probe period
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new HealthResult(false, probe, "interrupted");
        }
      }
    }
    return new HealthResult(false, check.retries(), last.detail());
  }

  /** The first line of an HTTP response, at most 256 bytes. */
  private static String statusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n' && line.length() < 256) {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
