package dev.icon.node.ingress;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DemandRecorder} knew at one instant: the input of the decision engine. Immutable.
 *
 * @param at when it was taken
 * @param window the window its rates and RTTs cover
 * @param prefixes one entry per prefix seen within the window, busiest first
 * @param evictedPrefixes prefixes dropped so far to respect the bound (a non-zero value means the
 *     snapshot may be missing a long tail)
 */
public record DemandSnapshot(
    Instant at, Duration window, List<PrefixDemand> prefixes, long evictedPrefixes) {

  /** Copies the list. */
  public DemandSnapshot {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(window, "window");
    prefixes = List.copyOf(prefixes);
  }

  /** Requests within the window over all prefixes. */
  public long requestsInWindow() {
    return prefixes.stream().mapToLong(PrefixDemand::requestsInWindow).sum();
  }

  /** The entry of {@code prefix}, empty when it had no request within the window. */
  public Optional<PrefixDemand> of(ClientPrefix prefix) {
    return prefixes.stream().filter(p -> p.prefix().equals(prefix)).findFirst();
  }
}
