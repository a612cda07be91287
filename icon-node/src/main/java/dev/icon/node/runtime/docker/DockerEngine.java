package dev.icon.node.runtime.docker;

import static dev.icon.node.runtime.ContainerRuntimeError.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import dev.icon.node.runtime.ContainerRuntimeError;
import dev.icon.node.runtime.ContainerRuntimeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The connection to one Docker engine: docker-java's client, plus raw requests through its
 * transport where docker-java 3.5.3 falls short (image import from a stream, container export,
 * archive get/put), and the mapping of engine failures to {@link ContainerRuntimeError}s.
 * Thread-safe (the HTTP client pools connections).
 */
final class DockerEngine implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DockerHttpClient http;
  private final DockerClient client;

  DockerEngine(String dockerHost, Duration connectTimeout, Duration responseTimeout) {
    DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost(dockerHost).build();
    this.http = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(dockerHost))
        .sslConfig(config.getSSLConfig()).maxConnections(16)
        .connectionTimeout(connectTimeout).responseTimeout(responseTimeout).build();
    this.client = DockerClientImpl.getInstance(config, http);
  }

  DockerClient client() {
    return client;
  }

  /** Whether the engine answers {@code GET /_ping} with 200. */
  boolean ping() {
    try (DockerHttpClient.Response r = http.execute(get("/_ping"))) {
      return r.getStatusCode() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * {@code POST /images/create?fromSrc=-} with the tar as body ({@code docker import}); returns
   * the new image id ({@code sha256:...}).
   */
  String importImage(String repo, String tag, InputStream tar) {
    Request request = Request.builder().method(Request.Method.POST)
        .path("/images/create?fromSrc=-&repo=" + enc(repo) + "&tag=" + enc(tag))
        .putHeader("Content-Type", "application/x-tar").body(tar).build();
    try (DockerHttpClient.Response r = http.execute(request)) {
      String id = null;
      BufferedReader lines = new BufferedReader(new InputStreamReader(r.getBody(), StandardCharsets.UTF_8));
      StringBuilder body = new StringBuilder();
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        body.append(line);
        JsonNode node = JSON.readTree(line);
        if (node.hasNonNull("error")) {
          throw new ContainerRuntimeException(IMAGE_IMPORT_FAILED, "engine: " + node.get("error").asText());
        }
        if (node.hasNonNull("message") && r.getStatusCode() >= 400) {
          throw new ContainerRuntimeException(IMAGE_IMPORT_FAILED, "engine: " + node.get("message").asText());
        }
        if (node.path("status").asText().startsWith("sha256:")) {
          id = node.get("status").asText();
        }
      }
      if (r.getStatusCode() >= 400 || id == null) {
        throw new ContainerRuntimeException(IMAGE_IMPORT_FAILED,
            "engine answered " + r.getStatusCode() + " without an image id: " + body);
      }
      return id;
    } catch (IOException e) {
      throw new ContainerRuntimeException(IMAGE_IMPORT_FAILED, "engine: " + e.getMessage(), e);
    } catch (ContainerRuntimeException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failure(e, IMAGE_IMPORT_FAILED, "import of " + repo + ":" + tag);
    }
  }

  /** Copies the body of a GET (container export, archive) to {@code out}. */
  void download(String path, OutputStream out, ContainerRuntimeError error) {
    try (DockerHttpClient.Response r = http.execute(get(path))) {
      if (r.getStatusCode() != 200) {
        throw new ContainerRuntimeException(r.getStatusCode() == 404 ? NOT_FOUND : error,
            "GET " + path + ": " + r.getStatusCode() + " " + message(r.getBody()));
      }
      r.getBody().transferTo(out);
    } catch (IOException e) {
      throw new ContainerRuntimeException(error, "GET " + path + ": " + e.getMessage(), e);
    } catch (ContainerRuntimeException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failure(e, error, "GET " + path);
    }
  }

  /** {@code PUT /containers/{id}/archive?path=} with a tar body, extracted at {@code dir}. */
  void putArchive(String containerId, String dir, InputStream tar) {
    String path = "/containers/" + containerId + "/archive?path=" + enc(dir);
    Request request = Request.builder().method(Request.Method.PUT).path(path)
        .putHeader("Content-Type", "application/x-tar").body(tar).build();
    try (DockerHttpClient.Response r = http.execute(request)) {
      if (r.getStatusCode() != 200) {
        throw new ContainerRuntimeException(RESTORE_FAILED,
            "engine answered " + r.getStatusCode() + ": " + message(r.getBody()));
      }
    } catch (ContainerRuntimeException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failure(e, RESTORE_FAILED, "PUT " + path);
    }
  }

  /** Most log text returned at once: a service writing huge lines cannot fill our memory. */
  static final int MAX_LOG_CHARS = 1 << 20;

  /** The last {@code maxLines} lines of a container's stdout and stderr, at most {@link #MAX_LOG_CHARS}. */
  String logs(String id, int maxLines, Duration timeout) {
    StringBuilder out = new StringBuilder();
    try {
      client.logContainerCmd(id).withStdOut(true).withStdErr(true).withTail(Math.max(0, maxLines))
          .exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
              synchronized (out) {
                if (out.length() < MAX_LOG_CHARS) {
                  String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
                  out.append(text, 0, Math.min(text.length(), MAX_LOG_CHARS - out.length()));
                }
              }
            }
          }).awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      throw failure(e, NOT_FOUND, "logs of " + id);
    }
    synchronized (out) {
      return out.toString();
    }
  }

  /** Ids of all containers (running or not) carrying label {@code key=value}. */
  List<String> labelled(String key, String value) {
    try {
      return client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(key, value)).exec()
          .stream().map(Container::getId).toList();
    } catch (RuntimeException e) {
      throw failure(e, STOP_FAILED, "list containers");
    }
  }

  /** Force-removes a container and its volumes, ignoring failures (cleanup paths). */
  void removeQuietly(String idOrName) {
    try {
      client.removeContainerCmd(idOrName).withForce(true).withRemoveVolumes(true).exec();
    } catch (RuntimeException e) {
      // gone already, or never created
    }
  }

  /**
   * The {@link ContainerRuntimeException} for a failure of a docker-java call: NOT_FOUND for a
   * 404, ENGINE_UNAVAILABLE when no answer came (I/O), else {@code error}.
   */
  static ContainerRuntimeException failure(RuntimeException e, ContainerRuntimeError error, String what) {
    if (e instanceof ContainerRuntimeException c) {
      return c;
    }
    if (e instanceof NotFoundException) {
      return new ContainerRuntimeException(NOT_FOUND, what + ": " + e.getMessage().strip(), e);
    }
    if (e instanceof DockerException) {
      return new ContainerRuntimeException(error, what + ": " + e.getMessage().strip(), e);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return new ContainerRuntimeException(ENGINE_UNAVAILABLE, what + ": " + t, e);
      }
    }
    return new ContainerRuntimeException(error, what + ": " + e, e);
  }

  private static Request get(String path) {
    return Request.builder().method(Request.Method.GET).path(path).build();
  }

  private static String message(InputStream body) {
    try {
      byte[] bytes = body.readNBytes(4096);
      String text = new String(bytes, StandardCharsets.UTF_8);
      JsonNode node = JSON.readTree(text);
      return node != null && node.hasNonNull("message") ? node.get("message").asText() : text.strip();
    } catch (IOException | RuntimeException e) {
      return "(no message)";
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
