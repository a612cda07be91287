package dev.icon.node.ingress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's meters: {@code icon.ingress.requests} (tag {@code mode}: proxy, redirect, gone,
 * drain), {@code icon.ingress.errors} (tag {@code reason}: an {@link UpstreamError} or
 * bad_request, too_large, header_too_large, uri_too_long) and the gauge {@code
 * icon.ingress.in_flight}; all tagged {@code gateway} with the gateway's name. Thread-safe.
 */
final class IngressMetrics {

  private final MeterRegistry registry;
  private final String gateway;
  private final Map<IngressMode, Counter> requests = new EnumMap<>(IngressMode.class);
  private final Map<String, Counter> errors = new ConcurrentHashMap<>();

  IngressMetrics(MeterRegistry registry, String gateway, IngressState state) {
    this.registry = registry;
    this.gateway = gateway;
    for (IngressMode mode : IngressMode.values()) {
      requests.put(mode, Counter.builder("icon.ingress.requests")
          .description("requests received by the ingress gateway, by the mode that handled them")
          .tag("gateway", gateway)
          .tag("mode", mode.name().toLowerCase(Locale.ROOT))
          .register(registry));
    }
    Gauge.builder("icon.ingress.in_flight", state, IngressState::inFlight)
        .description("requests being handled by the ingress gateway")
        .tag("gateway", gateway)
        .register(registry);
  }

  void request(IngressMode mode) {
    requests.get(mode).increment();
  }

  void error(String reason) {
    errors.computeIfAbsent(reason, r -> Counter.builder("icon.ingress.errors")
        .description("requests the ingress gateway answered with an error of its own")
        .tag("gateway", gateway)
        .tag("reason", r)
        .register(registry)).increment();
  }
}
