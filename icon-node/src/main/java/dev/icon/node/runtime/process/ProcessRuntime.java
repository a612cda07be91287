package dev.icon.node.runtime.process;

import static dev.icon.node.runtime.ContainerRuntimeError.*;

import dev.icon.node.runtime.ContainerRuntime;
import dev.icon.node.runtime.ContainerRuntimeException;
import dev.icon.node.runtime.HealthProbe;
import dev.icon.node.runtime.HealthResult;
import dev.icon.node.runtime.ImageRef;
import dev.icon.node.runtime.RuntimeConfig;
import dev.icon.node.runtime.Workload;
import dev.icon.node.runtime.WorkloadSpec;
import dev.icon.node.runtime.WorkloadStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ContainerRuntime} of local processes, one per workload: the embedded default where no
 * Docker engine answers. No isolation beyond what an unprivileged process gets.
 *
 * <p>Under {@link RuntimeConfig#processRoot()}: {@code images/<sha256>/} holds each imported image
 * (a root file system tar, unpacked), {@code state/<id>/} each workload's state directory, which
 * is also its working directory. The command runs with a clean environment (PATH, LANG, TZ kept)
 * plus the spec's, {@code PORT} (a free port on the publish address), {@code BIND_ADDRESS} (the
 * publish address), {@code STATE_DIR} and {@code IMAGE_DIR} (the unpacked image, if any).
 *
 * <p>Limits ({@link ProcessLimits}): memory as RLIMIT_AS and disk as RLIMIT_FSIZE through
 * {@code prlimit} when it is installed; CPU share and process count are not enforced (no cgroups).
 *
 * <p>Thread-safe; calls block on process and file operations.
 */
public final class ProcessRuntime implements ContainerRuntime {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessRuntime.class);
  private static final List<String> KEPT_ENV = List.of("PATH", "LANG", "TZ");

  private final RuntimeConfig config;
  private final Path root;
  private final boolean ownsRoot;
  private final Map<String, ProcessWorkload> workloads = new ConcurrentHashMap<>();
  private final ImageStore images;
  private final AtomicLong ids = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** A runtime with {@code config}'s process root (a fresh temporary directory when null). */
  public ProcessRuntime(RuntimeConfig config) {
    this.config = config;
    try {
      this.ownsRoot = config.processRoot() == null;
      this.root = ownsRoot ? Files.createTempDirectory("icon-process-runtime") : config.processRoot();
      this.images = new ImageStore(root.resolve("images"));
      Files.createDirectories(root.resolve("state"));
    } catch (IOException e) {
      throw new UncheckedIOException("processRoot: cannot create " + config.processRoot(), e);
    }
  }

  @Override
  public String kind() {
    return "process";
  }

  /** The directory holding images and state. */
  public Path root() {
    return root;
  }

  @Override
  public ImageRef importImage(String name, InputStream rootfsTar) {
    open();
    return images.importImage(name, rootfsTar);
  }

  @Override
  public void removeImage(ImageRef image) {
    open();
    for (ProcessWorkload w : workloads.values()) {
      ImageRef used = w.workload().spec().image();
      if (used != null && used.sha256().equals(image.sha256())) {
        throw new ContainerRuntimeException(IMAGE_IN_USE, "image " + image.name() + " is used by workload " + w.workload().id());
      }
    }
    images.remove(image);
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
    if (spec.command().isEmpty()) {
      throw new ContainerRuntimeException(INVALID_SPEC, "workload '" + spec.name() + "': the process runtime needs a command");
    }
    if (spec.image() != null && !images.contains(spec.image())) {
      throw new ContainerRuntimeException(NOT_FOUND, "image " + spec.image().name() + " was not imported here");
    }
    if (!ProcessLimits.executable(spec.command().get(0))) {
      throw new ContainerRuntimeException(START_FAILED, "workload '" + spec.name() + "': no executable '"
          + spec.command().get(0) + "'");
    }
    String id = spec.name() + "-" + ids.incrementAndGet();
    Path stateDir = root.resolve("state").resolve(id);
    try {
      Files.createDirectories(stateDir);
      if (stateTar != null) {
        try {
          TarArchives.unpack(stateTar, stateDir);
        } catch (IOException | RuntimeException e) {
          throw new ContainerRuntimeException(RESTORE_FAILED, "workload '" + spec.name() + "': state archive: " + e.getMessage(), e);
        }
      }
      int port = ProcessLimits.freePort(config.publishAddress());
      ProcessBuilder pb = new ProcessBuilder(ProcessLimits.wrap(spec.limits(), spec.command()))
          .directory(stateDir.toFile()).redirectErrorStream(true);
      Map<String, String> env = pb.environment();
      env.keySet().retainAll(KEPT_ENV);
      env.putAll(spec.env());
      env.put("PORT", Integer.toString(port));
      env.put("BIND_ADDRESS", config.publishAddress());
      env.put("STATE_DIR", stateDir.toAbsolutePath().toString());
      if (spec.image() != null) {
        env.put("IMAGE_DIR", imageDir(spec.image()).toAbsolutePath().toString());
      }
      Process process = pb.start();
      Workload workload = new Workload(id, spec, new InetSocketAddress(config.publishAddress(), port));
      workloads.put(id, new ProcessWorkload(workload, process, stateDir, config.logLines()));
      LOG.info("started workload {} (pid {}) on {}", id, process.pid(), workload.endpoint());
      return workload;
    } catch (ContainerRuntimeException e) {
      deleteTree(stateDir);
      throw e;
    } catch (IOException | RuntimeException e) {
      deleteTree(stateDir);
      throw new ContainerRuntimeException(START_FAILED, "workload '" + spec.name() + "': " + e.getMessage(), e);
    }
  }

  @Override
  public WorkloadStatus status(String workloadId) {
    return find(workloadId).status();
  }

  @Override
  public HealthResult health(String workloadId) {
    ProcessWorkload w = find(workloadId);
    String gone = w.exitReason();
    if (gone != null) {
      return new HealthResult(false, 0, gone);
    }
    var check = w.workload().spec().healthCheck();
    return check == null ? new HealthResult(true, 0, "running (no health check)")
        : HealthProbe.probe(check, w.workload().endpoint());
  }

  @Override
  public HealthResult awaitHealthy(String workloadId) {
    ProcessWorkload w = find(workloadId);
    var check = w.workload().spec().healthCheck();
    if (check == null) {
      return health(workloadId);
    }
    return HealthProbe.await(check, w.workload().endpoint(), w::exitReason);
  }

  @Override
  public String logs(String workloadId, int maxLines) {
    List<String> lines = find(workloadId).logs().last(maxLines);
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  @Override
  public void stop(String workloadId) {
    ProcessWorkload w = find(workloadId);
    try {
      if (w.stop(config.stopTimeout())) {
        LOG.warn("workload {} ignored SIGTERM for {}: killed", workloadId, config.stopTimeout());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerRuntimeException(STOP_FAILED, "workload " + workloadId + ": interrupted", e);
    }
  }

  @Override
  public void remove(String workloadId) {
    stop(workloadId);
    ProcessWorkload w = workloads.remove(workloadId);
    if (w != null) {
      deleteTree(w.stateDir());
    }
  }

  @Override
  public void exportState(String workloadId, OutputStream tar) {
    ProcessWorkload w = find(workloadId);
    try {
      TarArchives.pack(w.stateDir(), tar);
    } catch (IOException e) {
      throw new ContainerRuntimeException(EXPORT_FAILED, "workload " + workloadId + " state: " + e.getMessage(), e);
    }
  }

  @Override
  public void exportFilesystem(String workloadId, OutputStream tar) {
    ProcessWorkload w = find(workloadId);
    ImageRef image = w.workload().spec().image();
    if (image == null) {
      throw new ContainerRuntimeException(EXPORT_FAILED, "workload " + workloadId + " runs no image: nothing to export");
    }
    try {
      TarArchives.pack(imageDir(image), tar);
    } catch (IOException e) {
      throw new ContainerRuntimeException(EXPORT_FAILED, "workload " + workloadId + " image: " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> workloads() {
    return List.copyOf(new ArrayList<>(workloads.keySet()));
  }

  /** Stops every workload (processes never outlive the runtime) and, when configured, removes them. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (String id : List.copyOf(workloads.keySet())) {
      try {
        if (config.removeOnClose()) {
          remove(id);
        } else {
          stop(id);
        }
      } catch (RuntimeException e) {
        LOG.warn("closing: workload {}: {}", id, e.getMessage());
      }
    }
    if (ownsRoot) {
      deleteTree(root);
    }
  }

  private ProcessWorkload find(String workloadId) {
    ProcessWorkload w = workloads.get(workloadId);
    if (w == null) {
      throw new ContainerRuntimeException(NOT_FOUND, "workload " + workloadId);
    }
    return w;
  }

  private Path imageDir(ImageRef image) {
    return images.dir(image);
  }

  private static void deleteTree(Path dir) {
    ImageStore.deleteTree(dir);
  }

  private void open() {
    if (closed.get()) {
      throw new ContainerRuntimeException(CLOSED, "process runtime is closed");
    }
  }
}
