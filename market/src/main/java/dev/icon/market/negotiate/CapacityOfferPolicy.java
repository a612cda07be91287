package dev.icon.market.negotiate;

import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.icon.negotiate.AgreementTerms;
import dev.icon.proto.icon.negotiate.RequestTerms;
import dev.icon.proto.icon.resources.ResourceSpec;

/**
 * A simple provider policy: one fixed price per unit and hour, and a pool of CPU and memory from
 * which every committed agreement takes {@code units * resources} until its capacity is gone.
 * Quotes decline requests that do not fit the remaining capacity or whose maximum price is below
 * ours. Thread-safe (one lock).
 */
public final class CapacityOfferPolicy implements OfferPolicy {

  private final long priceMicrosPerUnitHour;
  private long freeCpuMillis;
  private long freeMemoryMib;

  /** A pool of {@code cpuMillis} and {@code memoryMib} offered at {@code price} per unit-hour. */
  public CapacityOfferPolicy(long priceMicrosPerUnitHour, long cpuMillis, long memoryMib) {
    if (priceMicrosPerUnitHour < 0 || cpuMillis < 0 || memoryMib < 0) {
      throw new IllegalArgumentException("price, cpuMillis and memoryMib must not be negative");
    }
    this.priceMicrosPerUnitHour = priceMicrosPerUnitHour;
    this.freeCpuMillis = cpuMillis;
    this.freeMemoryMib = memoryMib;
  }

  @Override
  public synchronized Quote quote(PeerId consumer, RequestTerms request) {
    if (request.getMaxPriceMicrosPerUnitHour() < priceMicrosPerUnitHour) {
      return Quote.decline("price " + priceMicrosPerUnitHour + " above the request's maximum");
    }
    if (!fits(request.getResources(), request.getUnits())) {
      return Quote.decline("not enough capacity");
    }
    return Quote.price(priceMicrosPerUnitHour);
  }

  @Override
  public synchronized boolean commit(AgreementTerms terms) {
    if (!fits(terms.getResources(), terms.getUnits())) {
      return false;
    }
    freeCpuMillis -= cpu(terms.getResources(), terms.getUnits());
    freeMemoryMib -= memory(terms.getResources(), terms.getUnits());
    return true;
  }

  @Override
  public synchronized void release(AgreementTerms terms) {
    freeCpuMillis += cpu(terms.getResources(), terms.getUnits());
    freeMemoryMib += memory(terms.getResources(), terms.getUnits());
  }

  /** CPU still free, thousandths of a core. */
  public synchronized long freeCpuMillis() {
    return freeCpuMillis;
  }

  /** Memory still free, MiB. */
  public synchronized long freeMemoryMib() {
    return freeMemoryMib;
  }

  private boolean fits(ResourceSpec r, int units) {
    return cpu(r, units) <= freeCpuMillis && memory(r, units) <= freeMemoryMib;
  }

  // uint32 fields times a positive int unit count: below 2^63, no overflow.
  private static long cpu(ResourceSpec r, int units) {
    return Integer.toUnsignedLong(r.getCpuMillis()) * Integer.toUnsignedLong(units);
  }

  private static long memory(ResourceSpec r, int units) {
    return Integer.toUnsignedLong(r.getMemoryMib()) * Integer.toUnsignedLong(units);
  }
}
