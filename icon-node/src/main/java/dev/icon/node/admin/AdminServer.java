package dev.icon.node.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.icon.node.config.AdminSettings;
import dev.icon.node.config.ConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP API: {@code GET /status} (JSON), {@code GET /metrics} (Prometheus text format
 * 0.0.4), {@code GET /health} ({@code {"status":"UP"}}). Built on the JDK's {@code
 * com.sun.net.httpserver}: three small read-only endpoints need no second Netty pipeline nor a
 * dependency, and the admin port stays apart from the overlay's event loops.
 *
 * <p>Security: binds loopback unless configured otherwise; a non-loopback bind without a token is
 * refused ({@link ConfigException} naming {@code admin.token}); with a token every request needs
 * {@code Authorization: Bearer <token>} ({@link BearerAuth}), else 401. Only GET (and HEAD) are
 * served (405 otherwise). Handlers run on one small thread pool of their own; {@link #stop()}
 * closes the socket at once.
 */
public final class AdminServer {

  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);
  private static final int THREADS = 2;

  private final HttpServer server;
  private final ExecutorService executor;
  private final BearerAuth auth;
  private final Supplier<Map<String, Object>> status;
  private final Supplier<String> metrics;

  private AdminServer(HttpServer server, ExecutorService executor, BearerAuth auth,
      Supplier<Map<String, Object>> status, Supplier<String> metrics) {
    this.server = server;
    this.executor = executor;
    this.auth = auth;
    this.status = status;
    this.metrics = metrics;
  }

  /** Binds and serves {@code status} and {@code metrics} (a Prometheus scrape). */
  public static AdminServer start(AdminSettings settings, Supplier<Map<String, Object>> status,
      Supplier<String> metrics) throws IOException {
    InetAddress bind = InetAddress.getByName(settings.bind());
    if (!bind.isLoopbackAddress() && settings.token().isEmpty()) {
      throw new ConfigException("admin.token", "required when admin.bind (" + settings.bind()
          + ") is not a loopback address");
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(bind, settings.port()), 16);
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "icon-admin");
      t.setDaemon(true);
      return t;
    });
    AdminServer a = new AdminServer(server, executor, new BearerAuth(settings.token()), status,
        metrics);
    server.createContext("/", a::handle);
    server.setExecutor(executor);
    server.start();
    return a;
  }

  /** The bound address (port resolved). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Closes the socket and the handler threads. */
  public void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      if (!auth.allows(ex.getRequestHeaders().getFirst("Authorization"))) {
        ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"icon-admin\"");
        send(ex, 401, "application/json", "{\"error\":\"unauthorized\"}");
        return;
      }
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        send(ex, 405, "application/json", "{\"error\":\"method not allowed\"}");
        return;
      }
      switch (ex.getRequestURI().getPath()) {
        case "/status" -> send(ex, 200, "application/json",
            JSON.writeValueAsString(status.get()));
        case "/metrics" -> send(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
            metrics.get());
        case "/health" -> send(ex, 200, "application/json", "{\"status\":\"UP\"}");
        default -> send(ex, 404, "application/json", "{\"error\":\"not found\"}");
      }
    } catch (RuntimeException e) {
      LOG.warn("admin request {} failed", ex.getRequestURI(), e);
      send(ex, 500, "application/json", "{\"error\":\"internal error\"}");
    }
  }

  private static void send(HttpExchange ex, int code, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(code, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
