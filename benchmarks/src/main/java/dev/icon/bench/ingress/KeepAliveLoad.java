package dev.icon.bench.ingress;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP/1.1 load: {@code connections} threads, each with one keep-alive socket,
 * sending GETs back to back and reading each response (status line, headers, Content-Length
 * body) before the next. Cheap enough that the server side dominates. One run per call.
 */
final class KeepAliveLoad {

  /** The outcome of one run. */
  record Result(long requests, long errors, double seconds, Histogram latencyMicros) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private KeepAliveLoad() {}

  static Result run(InetSocketAddress target, int connections, double seconds)
      throws InterruptedException {
    byte[] request = ("GET /bench HTTP/1.1\r\nHost: bench\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    long end = System.nanoTime() + (long) (seconds * 1e9);
    AtomicLong errors = new AtomicLong();
    List<Histogram> histograms = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < connections; i++) {
      Histogram h = new Histogram(60_000_000L, 3);
      histograms.add(h);
      Thread t = new Thread(() -> {
        try (Socket s = new Socket(target.getAddress(), target.getPort())) {
          s.setTcpNoDelay(true);
          OutputStream out = s.getOutputStream();
          InputStream in = new BufferedInputStream(s.getInputStream(), 8192);
          while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            out.write(request);
            out.flush();
            if (readResponse(in) != 200) {
              errors.incrementAndGet();
            }
            h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
          }
        } catch (IOException e) {
          errors.incrementAndGet();
        }
      }, "load-" + i);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double took = (System.nanoTime() - start) / 1e9;
    Histogram all = new Histogram(60_000_000L, 3);
    histograms.forEach(all::add);
    return new Result(all.getTotalCount(), errors.get(), took, all);
  }

  /** Reads one response; returns its status. */
  private static int readResponse(InputStream in) throws IOException {
    String status = line(in);
    int code = Integer.parseInt(status.substring(9, 12));
    int length = 0;
    for (String h; !(h = line(in)).isEmpty(); ) {
      if (h.regionMatches(true, 0, "content-length:", 0, 15)) {
        length = Integer.parseInt(h.substring(15).trim());
      }
    }
    for (int i = 0; i < length; i++) {
      if (in.read() < 0) {
        throw new IOException("closed in the body");
      }
    }
    return code;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c; (c = in.read()) != '\n'; ) {
      if (c < 0) {
        throw new IOException("closed");
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }
}
