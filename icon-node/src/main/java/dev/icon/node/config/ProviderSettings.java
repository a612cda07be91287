package dev.icon.node.config;

import java.time.Duration;

/**
 * The {@code provider:} section, used when the node has the provider role: the capacity it sells
 * through {@code /icon/negotiate/1.0.0} ({@code CapacityOfferPolicy}), its price, and how often it
 * announces itself on {@code /icon/providers/1}. Immutable.
 *
 * @param cpuMillis CPU offered in all, thousandths of a core
 * @param memoryMib memory offered in all, MiB
 * @param priceMicrosPerUnitHour price of one resource unit for one hour, micro-units of currency
 * @param announceInterval how often the gossip announcement (and DHT provider record check) repeats
 */
public record ProviderSettings(long cpuMillis, long memoryMib, long priceMicrosPerUnitHour,
    Duration announceInterval) {

  /** Two cores and 2 GiB (a small edge box), 0.01 per unit-hour, announced every 30 s. */
  public static ProviderSettings defaults() {
    return new ProviderSettings(2000, 2048, 10_000, Duration.ofSeconds(30));
  }
}
