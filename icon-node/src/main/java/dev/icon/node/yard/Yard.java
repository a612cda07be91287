package dev.icon.node.yard;

import dev.icon.market.negotiate.SignedAgreement;
import dev.icon.node.deploy.DeployKind;
import dev.icon.node.runtime.ContainerRuntime;
import dev.icon.node.runtime.ContainerRuntimeException;
import dev.icon.node.runtime.HealthResult;
import dev.icon.node.runtime.ImageRef;
import dev.icon.node.runtime.ResourceLimits;
import dev.icon.node.runtime.Workload;
import dev.icon.node.runtime.WorkloadSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's container yard: runs a consumer's service from the image (and optional state)
 * received over {@code /icon/deploy/1.0.0} into {@code storeDir} (as {@code <agreementId>.image},
 * {@code <agreementId>.state}), only under an agreement the {@link AgreementBook} finds valid now
 * and only when the agreement's limits fit the remaining {@link Capacity}; the runtime enforces
 * those limits. {@link #start} waits for the workload's health; a failure anywhere rolls back
 * (workload and image removed, capacity released). {@link #expire} (the janitor, on the injected
 * clock) ends workloads whose agreement ended; {@link #stop} ends one on request.
 *
 * <p>One workload per agreement. Threading: thread-safe; {@link #start} and {@link #stop} block
 * on the runtime (seconds) and must not run on an event loop; starts under different agreements
 * run concurrently.
 */
public final class Yard implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Yard.class);

  private final ContainerRuntime runtime;
  private final AgreementBook book;
  private final Capacity capacity;
  private final Path storeDir;
  private final Clock clock;
  private final Map<String, YardWorkload> running = new ConcurrentHashMap<>();
  private final Map<String, Boolean> starting = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public Yard(ContainerRuntime runtime, AgreementBook book, Capacity capacity, Path storeDir,
      Clock clock) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.book = Objects.requireNonNull(book, "book");
    this.capacity = Objects.requireNonNull(capacity, "capacity");
    this.storeDir = Objects.requireNonNull(storeDir, "storeDir");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Starts the workload of {@code agreementId} from its received image (restoring its received
   * state when there is one) and waits until it is healthy.
   *
   * @throws YardException NO_AGREEMENT, NOT_FOR_US, EXPIRED, ALREADY_RUNNING, IMAGE_MISSING,
   *     OVER_CAPACITY or START_FAILED (then nothing of it is left and its capacity is free)
   */
  public YardWorkload start(String agreementId, LaunchRequest launch) {
    Objects.requireNonNull(launch, "launch");
    SignedAgreement a = book.valid(agreementId);
    String id = a.id().toString();
    if (closed) {
      throw new YardException(YardRefusal.START_FAILED, "the yard is closed");
    }
    if (starting.putIfAbsent(id, Boolean.TRUE) != null) {
      throw new YardException(YardRefusal.ALREADY_RUNNING, "agreement " + id + " is starting");
    }
    try {
      if (running.containsKey(id)) {
        throw new YardException(YardRefusal.ALREADY_RUNNING, "agreement " + id + " has a workload");
      }
      YardWorkload y = startReserved(a, id, launch);
      if (closed) {
        stop(id);
        throw new YardException(YardRefusal.START_FAILED, "the yard closed during the start");
      }
      return y;
    } finally {
      starting.remove(id);
    }
  }

  private YardWorkload startReserved(SignedAgreement a, String id, LaunchRequest launch) {
    Path image = artifact(id, DeployKind.IMAGE);
    if (!Files.isRegularFile(image)) {
      throw new YardException(YardRefusal.IMAGE_MISSING, "no image received for agreement " + id);
    }
    ResourceLimits limits = AgreementBook.limitsOf(a);
    if (!capacity.tryReserve(limits)) {
      throw new YardException(YardRefusal.OVER_CAPACITY, limits + " does not fit " + capacity);
    }
    ImageRef ref = null;
    Workload w = null;
    try {
      try (InputStream in = Files.newInputStream(image)) {
        ref = runtime.importImage("yard-" + id, in);
      }
      WorkloadSpec spec = WorkloadSpec.builder(launch.name()).image(ref).command(launch.command())
          .servicePort(launch.servicePort()).healthCheck(launch.healthCheck()).limits(limits)
          .build();
      spec = withEnv(spec, launch.env());
      Path state = artifact(id, DeployKind.STATE);
      if (Files.isRegularFile(state)) {
        try (InputStream in = Files.newInputStream(state)) {
          w = runtime.restore(spec, in);
        }
      } else {
        w = runtime.start(spec);
      }
      HealthResult h = runtime.awaitHealthy(w.id());
      if (!h.healthy()) {
        throw new YardException(YardRefusal.START_FAILED, "workload of " + id
            + " never became healthy: " + h.detail() + "\n" + runtime.logs(w.id(), 20));
      }
      YardWorkload y = new YardWorkload(id, w, ref, limits, a.terms().getEndMillis());
      running.put(id, y);
      LOG.info("started {} for agreement {} with {} at {}", w.id(), id, limits, w.endpoint());
      return y;
    } catch (IOException | ContainerRuntimeException | IllegalArgumentException | YardException e) {
      rollBack(w, ref, limits);
      if (e instanceof YardException ye) {
        throw ye;
      }
      throw new YardException(YardRefusal.START_FAILED, "agreement " + id + ": " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      rollBack(w, ref, limits);
      throw e;
    }
  }

  private static WorkloadSpec withEnv(WorkloadSpec spec, Map<String, String> env) {
    WorkloadSpec.Builder b = spec.toBuilder();
    env.forEach(b::env);
    return b.build();
  }

  private void rollBack(Workload w, ImageRef ref, ResourceLimits limits) {
    try {
      if (w != null) {
        runtime.remove(w.id());
      }
      if (ref != null) {
        runtime.removeImage(ref);
      }
    } catch (RuntimeException e) {
      LOG.warn("rolling back a failed start: {}", e.toString());
    } finally {
      capacity.release(limits);
    }
  }

  /** Where the artifact of {@code kind} received under {@code agreementId} is stored. */
  public Path artifact(String agreementId, DeployKind kind) {
    return storeDir.resolve(agreementId + "." + kind.fileSuffix());
  }

  /** One health probe of the workload of {@code agreementId}, or empty when none runs. */
  public Optional<HealthResult> health(String agreementId) {
    YardWorkload y = running.get(agreementId);
    return y == null ? Optional.empty() : Optional.of(runtime.health(y.workload().id()));
  }

  /** The workload of {@code agreementId}, if one runs. */
  public Optional<YardWorkload> workload(String agreementId) {
    return Optional.ofNullable(running.get(agreementId));
  }

  /** The workloads running. */
  public List<YardWorkload> workloads() {
    return List.copyOf(running.values());
  }

  /**
   * Stops and removes the workload of {@code agreementId} with its image and releases its
   * capacity; the received artifacts stay. Returns false when none ran.
   */
  public boolean stop(String agreementId) {
    YardWorkload y = running.remove(agreementId);
    if (y == null) {
      return false;
    }
    rollBack(y.workload(), y.image(), y.limits());
    LOG.info("stopped {} of agreement {}", y.workload().id(), agreementId);
    return true;
  }

  /** One janitor pass: stops every workload whose agreement ended by the clock; returns them. */
  public List<String> expire() {
    long now = clock.millis();
    List<String> ended = new ArrayList<>();
    for (YardWorkload y : running.values()) {
      if (now >= y.endMillis() && stop(y.agreementId())) {
        ended.add(y.agreementId());
      }
    }
    return ended;
  }

  /**
   * One health probe of every workload; returns the agreements whose workload does not answer
   * (they keep running and holding their capacity: the consumer decides, or the agreement ends).
   */
  public List<String> unhealthy() {
    List<String> bad = new ArrayList<>();
    for (YardWorkload y : running.values()) {
      try {
        if (!runtime.health(y.workload().id()).healthy()) {
          bad.add(y.agreementId());
        }
      } catch (ContainerRuntimeException e) {
        bad.add(y.agreementId());
      }
    }
    return bad;
  }

  /** The capacity account. */
  public Capacity capacity() {
    return capacity;
  }

  /** The agreement book (also the deploy receiver's admission check). */
  public AgreementBook book() {
    return book;
  }

  /** Stops every workload; later starts are refused (START_FAILED). */
  @Override
  public void close() {
    closed = true;
    for (String id : List.copyOf(running.keySet())) {
      stop(id);
    }
  }
}
