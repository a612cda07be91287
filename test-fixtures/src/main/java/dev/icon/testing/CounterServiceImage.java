package dev.icon.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The example counter service (examples/counter-service): builds its image tar with the example's
 * own {@code build-image.sh} (Debian's static busybox + the CGI script, about 2 MB) and talks to
 * it. A missing static busybox goes through {@link Prerequisites}.
 */
public final class CounterServiceImage {

  /** The static busybox the image is built from (package busybox-static). */
  public static final Path BUSYBOX = Path.of("/bin/busybox");

  /** Runs the service from the unpacked image on either runtime ($IMAGE_DIR is "/" in Docker). */
  public static final List<String> COMMAND = List.of("/bin/sh", "-c",
      "exec \"$IMAGE_DIR/bin/busybox\" httpd -f -p \"$BIND_ADDRESS:$PORT\" -h \"$IMAGE_DIR/www\"");

  /** Answers "ok" while the service runs. */
  public static final String HEALTH_PATH = "/health";

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  private CounterServiceImage() {}

  /** Builds the image tar at {@code out}. */
  public static Path build(Path out) throws IOException, InterruptedException {
    Prerequisites.require("a static busybox at " + BUSYBOX + " (package busybox-static)",
        () -> Files.isExecutable(BUSYBOX));
    Path script = RepositoryRoot.find().resolve("examples/counter-service/build-image.sh");
    Process p = new ProcessBuilder(script.toString(), out.toString(), BUSYBOX.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("build-image.sh failed: " + output);
    }
    return out;
  }

  /** One request to the counter: the count after it (or the count, with {@code peek}). */
  public static long count(String hostPort, boolean peek) throws IOException, InterruptedException {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://" + hostPort + "/cgi-bin/count" + (peek ? "?peek" : "")))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("counter answered " + r.statusCode() + ": " + r.body());
    }
    return Long.parseLong(r.body().strip());
  }
}
