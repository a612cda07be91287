package dev.icon.node.yard;

import dev.icon.market.negotiate.AgreementStore;
import dev.icon.node.daemon.NodeContext;
import dev.icon.node.daemon.NodeService;
import dev.icon.node.deploy.DeployConfig;
import dev.icon.node.deploy.DeployReceiver;
import dev.icon.node.config.ProviderSettings;
import dev.icon.node.runtime.ContainerRuntime;
import dev.icon.node.runtime.RuntimeConfig;
import dev.icon.node.runtime.RuntimeSelector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's yard as a node service: a {@link DeployReceiver} on {@code /icon/deploy/1.0.0}
 * admitting artifacts through the {@link AgreementBook} (staging and store under {@code
 * <dataDir>/yard}), a {@link Yard} over the given runtime and {@link Capacity}, and its janitor
 * ({@link Yard#expire}, then a health probe of each workload, {@link Yard#unhealthy}) every
 * {@code janitorPeriod} on a thread of its own (stops block on the
 * runtime). Stop ends every workload, then the receiver.
 *
 * <p>Threading: as {@link NodeService}; {@link #yard()} is usable from any thread after start.
 */
public final class YardService implements NodeService {

  private static final Logger LOG = LoggerFactory.getLogger(YardService.class);

  /** Workloads a node's yard hosts at most (its CPU and memory come from {@code provider:}). */
  public static final int DEFAULT_MAX_WORKLOADS = 16;

  private volatile ContainerRuntime runtime;
  private final boolean ownsRuntime;
  private final AgreementStore agreements;
  private volatile Capacity capacity;
  private final DeployConfig deployConfig;
  private final Duration janitorPeriod;
  private volatile Yard yard;
  private volatile int unhealthy;
  private DeployReceiver receiver;
  private ScheduledExecutorService scheduler;

  /**
   * @param janitorPeriod how often ended agreements are looked for, positive
   */
  public YardService(ContainerRuntime runtime, AgreementStore agreements, Capacity capacity,
      DeployConfig deployConfig, Duration janitorPeriod) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.ownsRuntime = false;
    this.agreements = Objects.requireNonNull(agreements, "agreements");
    this.capacity = Objects.requireNonNull(capacity, "capacity");
    this.deployConfig = Objects.requireNonNull(deployConfig, "deployConfig");
    if (janitorPeriod.isNegative() || janitorPeriod.isZero()) {
      throw new IllegalArgumentException("janitorPeriod: must be positive, got " + janitorPeriod);
    }
    this.janitorPeriod = janitorPeriod;
  }

  /**
   * The yard of a node: at start it picks the runtime ({@link RuntimeSelector}: Docker when its
   * engine answers, else local processes; label scope {@code icon-<peer id>}, process root
   * {@code <dataDir>/yard/runtime}; closed on stop, removing its workloads) and takes the capacity
   * from the {@code provider:} section ({@link #DEFAULT_MAX_WORKLOADS} workloads); ended
   * agreements are looked for every 10 s.
   */
  public static YardService forNode(AgreementStore agreements) {
    return new YardService(agreements);
  }

  private YardService(AgreementStore agreements) {
    this.runtime = null;
    this.ownsRuntime = true;
    this.agreements = Objects.requireNonNull(agreements, "agreements");
    this.capacity = null;
    this.deployConfig = DeployConfig.defaults();
    this.janitorPeriod = Duration.ofSeconds(10);
  }

  @Override
  public String name() {
    return "yard";
  }

  @Override
  public void start(NodeContext ctx) {
    Path dir = ctx.config().dataDir().resolve("yard");
    if (runtime == null) {
      runtime = RuntimeSelector.select(RuntimeConfig.builder()
          .scope(scope(ctx)).processRoot(dir.resolve("runtime"))
          .build());
    }
    if (capacity == null) {
      ProviderSettings p = ctx.config().provider();
      capacity = new Capacity((int) Math.min(Integer.MAX_VALUE, p.cpuMillis()),
          (int) Math.min(Integer.MAX_VALUE, p.memoryMib()), DEFAULT_MAX_WORKLOADS);
    }
    Path store = dir.resolve("store");
    AgreementBook book = new AgreementBook(agreements, ctx.host().peerId(), ctx.clock(),
        deployConfig.maxArtifactBytes());
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "icon-yard");
      t.setDaemon(true);
      return t;
    });
    yard = new Yard(runtime, book, capacity, store, ctx.clock());
    receiver = DeployReceiver.builder(ctx.host(), dir.resolve("staging"), store)
        .config(deployConfig).admission(book).clock(ctx.clock()).scheduler(scheduler).build();
    receiver.start();
    long period = janitorPeriod.toMillis();
    scheduler.scheduleWithFixedDelay(this::expireQuietly, period, period, TimeUnit.MILLISECONDS);
  }

  private static String scope(NodeContext ctx) {
    String s = "icon-" + ctx.host().peerId().toBase58();
    return s.length() <= 63 ? s : s.substring(0, 63);
  }

  private void expireQuietly() {
    try {
      Yard y = yard;
      if (y != null) {
        y.expire().forEach(id -> LOG.info("agreement {} ended: its workload was stopped", id));
        List<String> bad = y.unhealthy();
        unhealthy = bad.size();
        bad.forEach(id -> LOG.warn("the workload of agreement {} does not answer its health check", id));
      }
    } catch (RuntimeException e) {
      LOG.warn("yard janitor pass failed: {}", e.toString());
    }
  }

  @Override
  public void stop() throws InterruptedException {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }
    if (yard != null) {
      yard.close();
    }
    if (receiver != null) {
      receiver.stop();
    }
    if (ownsRuntime && runtime != null) {
      runtime.close();
    }
  }

  /** The yard (null before start). */
  public Yard yard() {
    return yard;
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> m = new LinkedHashMap<>();
    ContainerRuntime r = runtime;
    m.put("runtime", r == null ? "none" : r.kind());
    Yard y = yard;
    m.put("workloads", y == null ? 0 : y.workloads().size());
    m.put("unhealthy", unhealthy);
    Capacity c = capacity;
    m.put("freeCpuMillis", c == null ? 0 : c.freeCpuMillis());
    m.put("freeMemoryMib", c == null ? 0 : c.freeMemoryMiB());
    return m;
  }
}
