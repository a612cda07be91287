package dev.icon.node.runtime.docker;

import static dev.icon.node.runtime.ContainerRuntimeError.*;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import dev.icon.node.runtime.ContainerRuntime;
import dev.icon.node.runtime.ContainerRuntimeException;
import dev.icon.node.runtime.HealthProbe;
import dev.icon.node.runtime.HealthResult;
import dev.icon.node.runtime.ImageRef;
import dev.icon.node.runtime.RuntimeConfig;
import dev.icon.node.runtime.Workload;
import dev.icon.node.runtime.WorkloadSpec;
import dev.icon.node.runtime.WorkloadState;
import dev.icon.node.runtime.WorkloadStatus;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ContainerRuntime} on a Docker engine through docker-java. Containers are confined as
 * {@link ContainerSpecs} says and carry the labels {@value RuntimeConfig#LABEL_WORKLOAD},
 * {@value RuntimeConfig#LABEL_SCOPE} and {@value RuntimeConfig#LABEL_NAME}, so
 * {@link #removeLeaked()} finds what a crashed runtime of the same scope left behind.
 *
 * <p>Images come from root file system tars ({@code docker import}); the state directory is an
 * anonymous volume, archived and restored through the engine's archive API; the file system is
 * exported with {@code GET /containers/{id}/export}. Disk limits are not enforced (the vfs storage
 * driver has no quota). Thread-safe; every call is a blocking engine request.
 */
public final class DockerRuntime implements ContainerRuntime {

  private static final Logger LOG = LoggerFactory.getLogger(DockerRuntime.class);
  // Imports and exports of large images stream for a while; a dead engine shows at connect.
  private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(5);

  private final RuntimeConfig config;
  private final DockerEngine engine;
  private final Map<String, Workload> workloads = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Connects to {@code config.dockerHost()}.
   *
   * @throws ContainerRuntimeException ENGINE_UNAVAILABLE when the engine does not answer a ping
   */
  public DockerRuntime(RuntimeConfig config) {
    this.config = config;
    this.engine = new DockerEngine(config.dockerHost(), config.engineTimeout(), RESPONSE_TIMEOUT);
    if (!engine.ping()) {
      engine.close();
      throw new ContainerRuntimeException(ENGINE_UNAVAILABLE, "no Docker engine answers at " + config.dockerHost());
    }
  }

  /** Whether an engine answers a ping at {@code config.dockerHost()} within the engine timeout. */
  public static boolean available(RuntimeConfig config) {
    try (DockerEngine probe = new DockerEngine(config.dockerHost(), config.engineTimeout(), config.engineTimeout())) {
      return probe.ping();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public String kind() {
    return "docker";
  }

  @Override
  public ImageRef importImage(String name, InputStream rootfsTar) {
    open();
    int slash = name.lastIndexOf('/');
    int colon = name.lastIndexOf(':');
    String repo = colon > slash ? name.substring(0, colon) : name;
    String tag = colon > slash ? name.substring(colon + 1) : "latest";
    String id = engine.importImage(repo, tag, rootfsTar);
    LOG.info("imported image {}:{} as {}", repo, tag, id);
    return new ImageRef(repo + ":" + tag, id);
  }

  @Override
  public void removeImage(ImageRef image) {
    open();
    try {
      engine.client().removeImageCmd(image.name()).exec();
    } catch (com.github.dockerjava.api.exception.ConflictException e) {
      throw new ContainerRuntimeException(IMAGE_IN_USE, "image " + image.name() + ": " + e.getMessage().strip(), e);
    } catch (RuntimeException e) {
      throw DockerEngine.failure(e, STOP_FAILED, "remove image " + image.name());
    }
  }

  @Override
  public Workload start(WorkloadSpec spec) {
    return launch(spec, null);
  }

  @Override
  public Workload restore(WorkloadSpec spec, InputStream stateTar) {
    return launch(spec, stateTar);
  }

  private Workload launch(WorkloadSpec spec, InputStream stateTar) {
    open();
    if (spec.image() == null) {
      throw new ContainerRuntimeException(INVALID_SPEC, "workload '" + spec.name() + "': Docker needs an image");
    }
    String name = "icon-" + spec.name() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    String id;
    try {
      var create = engine.client().createContainerCmd(spec.image().name()).withName(name)
          .withEnv(ContainerSpecs.env(spec)).withLabels(ContainerSpecs.labels(spec, config))
          .withExposedPorts(ContainerSpecs.exposed(spec)).withVolumes(new Volume(spec.statePath()))
          .withHostConfig(ContainerSpecs.hostConfig(spec, config));
      if (!spec.command().isEmpty()) {
        create.withCmd(spec.command());
      }
      id = create.exec().getId();
    } catch (RuntimeException e) {
      engine.removeQuietly(name);
      throw DockerEngine.failure(e, START_FAILED, "create workload '" + spec.name() + "'");
    }
    try {
      if (stateTar != null) {
        engine.putArchive(id, spec.statePath(), stateTar);
      }
      engine.client().startContainerCmd(id).exec();
      Workload workload = new Workload(id, spec, endpoint(id, spec));
      workloads.put(id, workload);
      LOG.info("started workload {} ({}) on {}", spec.name(), id, workload.endpoint());
      return workload;
    } catch (RuntimeException e) {
      engine.removeQuietly(id);
      ContainerRuntimeException failure = DockerEngine.failure(e, START_FAILED, "start workload '" + spec.name() + "'");
      if (failure.error() == RESTORE_FAILED) {
        throw new ContainerRuntimeException(RESTORE_FAILED,
            "workload '" + spec.name() + "': state archive: " + e.getMessage(), e);
      }
      throw failure;
    }
  }

  private InetSocketAddress endpoint(String id, WorkloadSpec spec) {
    Ports.Binding[] bindings = inspect(id).getNetworkSettings().getPorts().getBindings()
        .get(ContainerSpecs.exposed(spec));
    if (bindings == null || bindings.length == 0) {
      throw new ContainerRuntimeException(START_FAILED, "workload '" + spec.name() + "': port " + spec.servicePort() + " not published");
    }
    return new InetSocketAddress(config.publishAddress(), Integer.parseInt(bindings[0].getHostPortSpec()));
  }

  @Override
  public WorkloadStatus status(String workloadId) {
    find(workloadId);
    InspectContainerResponse.ContainerState state = inspect(workloadId).getState();
    String s = String.valueOf(state.getStatus());
    return switch (s) {
      case "created" -> new WorkloadStatus(WorkloadState.CREATED, null);
      case "running", "restarting", "paused" -> new WorkloadStatus(WorkloadState.RUNNING, null);
      default -> new WorkloadStatus(WorkloadState.EXITED, state.getExitCode());
    };
  }

  @Override
  public HealthResult health(String workloadId) {
    Workload w = find(workloadId);
    String gone = exitReason(workloadId);
    if (gone != null) {
      return new HealthResult(false, 0, gone);
    }
    return w.spec().healthCheck() == null ? new HealthResult(true, 0, "running (no health check)")
        : HealthProbe.probe(w.spec().healthCheck(), w.endpoint());
  }

  @Override
  public HealthResult awaitHealthy(String workloadId) {
    Workload w = find(workloadId);
    if (w.spec().healthCheck() == null) {
      return health(workloadId);
    }
    return HealthProbe.await(w.spec().healthCheck(), w.endpoint(), () -> exitReason(workloadId));
  }

  private String exitReason(String workloadId) {
    WorkloadStatus s = status(workloadId);
    return s.state() == WorkloadState.RUNNING ? null : s.state() == WorkloadState.CREATED
        ? "not started" : "exited (" + s.exitCode() + ")";
  }

  @Override
  public String logs(String workloadId, int maxLines) {
    find(workloadId);
    return engine.logs(workloadId, maxLines, config.engineTimeout().multipliedBy(5));
  }

  @Override
  public void stop(String workloadId) {
    find(workloadId);
    try {
      engine.client().stopContainerCmd(workloadId)
          .withTimeout((int) Math.max(1, config.stopTimeout().toSeconds())).exec();
    } catch (NotModifiedException e) {
      // already stopped
    } catch (RuntimeException e) {
      throw DockerEngine.failure(e, STOP_FAILED, "stop " + workloadId);
    }
  }

  @Override
  public void remove(String workloadId) {
    find(workloadId);
    try {
      engine.client().removeContainerCmd(workloadId).withForce(true).withRemoveVolumes(true).exec();
      workloads.remove(workloadId);
    } catch (RuntimeException e) {
      ContainerRuntimeException f = DockerEngine.failure(e, STOP_FAILED, "remove " + workloadId);
      if (f.error() == NOT_FOUND) {
        workloads.remove(workloadId);
      }
      throw f;
    }
  }

  @Override
  public void exportState(String workloadId, OutputStream tar) {
    Workload w = find(workloadId);
    // "<dir>/." archives the directory's contents with entries relative to it.
    String path = w.spec().statePath() + "/.";
    engine.download("/containers/" + workloadId + "/archive?path="
        + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8), tar, EXPORT_FAILED);
  }

  @Override
  public void exportFilesystem(String workloadId, OutputStream tar) {
    find(workloadId);
    engine.download("/containers/" + workloadId + "/export", tar, EXPORT_FAILED);
  }

  @Override
  public List<String> workloads() {
    return List.copyOf(workloads.keySet());
  }

  /**
   * Removes every container labelled with this runtime's scope, running or not, with its
   * volumes (leftovers of a crashed runtime); returns how many.
   */
  public int removeLeaked() {
    open();
    List<String> found = labelledContainers();
    for (String id : found) {
      engine.removeQuietly(id);
      workloads.remove(id);
    }
    if (!found.isEmpty()) {
      LOG.warn("removed {} leaked container(s) of scope {}", found.size(), config.scope());
    }
    return found.size();
  }

  /** Ids of all containers on the engine labelled with this runtime's scope. */
  public List<String> labelledContainers() {
    open();
    return engine.labelled(RuntimeConfig.LABEL_SCOPE, config.scope());
  }

  /** Removes (or with removeOnClose false, stops) this runtime's workloads; closes the client. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (String id : List.copyOf(workloads.keySet())) {
      try {
        if (config.removeOnClose()) {
          engine.client().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } else {
          engine.client().stopContainerCmd(id).withTimeout((int) Math.max(1, config.stopTimeout().toSeconds())).exec();
        }
      } catch (RuntimeException e) {
        LOG.warn("closing: workload {}: {}", id, e.getMessage());
      }
    }
    workloads.clear();
    engine.close();
  }

  private InspectContainerResponse inspect(String id) {
    try {
      return engine.client().inspectContainerCmd(id).exec();
    } catch (RuntimeException e) {
      throw DockerEngine.failure(e, NOT_FOUND, "inspect " + id);
    }
  }

  private Workload find(String workloadId) {
    open();
    Workload w = workloads.get(workloadId);
    if (w == null) {
      throw new ContainerRuntimeException(NOT_FOUND, "workload " + workloadId + " (not started by this runtime)");
    }
    return w;
  }

  private void open() {
    if (closed.get()) {
      throw new ContainerRuntimeException(CLOSED, "Docker runtime is closed");
    }
  }
}
