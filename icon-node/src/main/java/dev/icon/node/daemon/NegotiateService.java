package dev.icon.node.daemon;

import dev.icon.market.negotiate.CapacityOfferPolicy;
import dev.icon.market.negotiate.MemoryAgreementStore;
import dev.icon.market.negotiate.NegotiateController;
import dev.icon.node.config.ProviderSettings;
import io.micrometer.core.instrument.Gauge;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The provider side of {@code /icon/negotiate/1.0.0}: a {@link NegotiateController} with a {@link
 * CapacityOfferPolicy} from the {@code provider:} section and an in-memory agreement store (the
 * Atomix ledger store plugs in here later).
 */
public final class NegotiateService implements NodeService {

  private final MemoryAgreementStore store = new MemoryAgreementStore();
  private volatile CapacityOfferPolicy policy;
  private volatile NegotiateController controller;

  @Override
  public String name() {
    return "negotiate";
  }

  @Override
  public void start(NodeContext ctx) {
    ProviderSettings p = ctx.config().provider();
    policy = new CapacityOfferPolicy(p.priceMicrosPerUnitHour(), p.cpuMillis(), p.memoryMib());
    controller = NegotiateController.builder(ctx.host(), ctx.identity()).clock(ctx.clock())
        .offerPolicy(policy).store(store).build();
    controller.start();
    CapacityOfferPolicy c = policy;
    Gauge.builder("icon.node.agreements", store, MemoryAgreementStore::size)
        .description("agreements concluded as a provider").register(ctx.metrics());
    Gauge.builder("icon.node.capacity.free.cpu.millis", c, CapacityOfferPolicy::freeCpuMillis)
        .description("CPU not yet committed to agreements").register(ctx.metrics());
    Gauge.builder("icon.node.capacity.free.memory.mib", c, CapacityOfferPolicy::freeMemoryMib)
        .description("memory not yet committed to agreements").register(ctx.metrics());
  }

  @Override
  public void stop() {
    if (controller != null) {
      controller.stop();
    }
  }

  /** The agreements concluded as a provider (the yard runs workloads only under these). */
  public MemoryAgreementStore store() {
    return store;
  }

  /** The controller (null before start). */
  public NegotiateController controller() {
    return controller;
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("agreements", store.size());
    CapacityOfferPolicy c = policy;
    m.put("freeCpuMillis", c == null ? 0 : c.freeCpuMillis());
    m.put("freeMemoryMib", c == null ? 0 : c.freeMemoryMib());
    Map<String, Long> failures = new TreeMap<>();
    NegotiateController n = controller;
    if (n != null) {
      n.failures().forEach((k, v) -> {
        if (v > 0) {
          failures.put(k.name(), v);
        }
      });
    }
    m.put("failures", failures);
    return m;
  }
}
