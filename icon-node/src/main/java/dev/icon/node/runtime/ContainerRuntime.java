package dev.icon.node.runtime;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The seam between ICON and whatever runs services: a Docker engine ({@code docker.DockerRuntime})
 * or local processes ({@code process.ProcessRuntime}); {@link RuntimeSelector} picks one.
 *
 * <p>Lifecycle of a workload: {@link #start} (or {@link #restore}) creates and starts it and
 * returns where it serves; {@link #awaitHealthy} waits until it answers its health check;
 * {@link #stop} ends it (SIGTERM, then SIGKILL after the configured stop timeout);
 * {@link #remove} deletes it with its state. Cold migration: stop, {@link #exportState} (and
 * {@link #exportFilesystem} for the image), carry the tars to the other place, there
 * {@link #importImage} and {@link #restore}.
 *
 * <p>Errors are {@link ContainerRuntimeException}s with a {@link ContainerRuntimeError}; a failed
 * start, restore or import leaves nothing behind. Implementations are thread-safe; the calls
 * block (engine requests, process waits) and must not run on an event loop.
 */
public interface ContainerRuntime extends AutoCloseable {

  /** "docker" or "process". */
  String kind();

  /**
   * Imports a root file system tar (as {@code docker import}) under {@code name}; the stream is
   * read to its end, not closed.
   *
   * @throws ContainerRuntimeException IMAGE_IMPORT_FAILED when it is not a valid tar
   */
  ImageRef importImage(String name, InputStream rootfsTar);

  /**
   * Deletes an image no workload uses any more.
   *
   * @throws ContainerRuntimeException IMAGE_IN_USE while a workload (even a stopped one) uses it
   */
  void removeImage(ImageRef image);

  /** Creates and starts a workload; does not wait for its health. */
  Workload start(WorkloadSpec spec);

  /**
   * Creates a workload, fills its state directory from {@code stateTar} (as written by
   * {@link #exportState}) and starts it.
   *
   * @throws ContainerRuntimeException RESTORE_FAILED for a bad archive, START_FAILED after
   */
  Workload restore(WorkloadSpec spec, InputStream stateTar);

  /** The workload's state. */
  WorkloadStatus status(String workloadId);

  /** One probe of the workload's health check (healthy = running when it has none). */
  HealthResult health(String workloadId);

  /**
   * Probes until healthy, the check's retries are spent, or the workload exits; never throws for
   * an unhealthy service.
   */
  HealthResult awaitHealthy(String workloadId);

  /** The last at most {@code maxLines} lines of the workload's output (stdout and stderr). */
  String logs(String workloadId, int maxLines);

  /** Stops the workload: SIGTERM, then SIGKILL after the stop timeout. Idempotent. */
  void stop(String workloadId);

  /** Stops (if needed) and deletes the workload and its state. */
  void remove(String workloadId);

  /** Writes the workload's state directory as a tar (entries relative to it); stop it first. */
  void exportState(String workloadId, OutputStream tar);

  /**
   * Writes the workload's file system as a tar that {@link #importImage} accepts (Docker: the
   * container export, without the state volume; process runtime: its unpacked image).
   */
  void exportFilesystem(String workloadId, OutputStream tar);

  /** Ids of the workloads this runtime started and has not removed. */
  List<String> workloads();

  /** Stops and (when configured) removes this runtime's workloads and releases the engine. */
  @Override
  void close();
}
