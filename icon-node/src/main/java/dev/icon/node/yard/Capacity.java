package dev.icon.node.yard;

import dev.icon.node.runtime.ResourceLimits;

/**
 * What a provider can host at once: CPU (thousandths of a core), memory (MiB) and a number of
 * workloads. {@link #tryReserve} takes a workload's share only when all three fit; {@link
 * #release} gives it back; the free amounts never go negative nor above the totals.
 *
 * <p>Threading: thread-safe (all methods synchronize on this object).
 */
public final class Capacity {

  private final int totalCpuMillis;
  private final int totalMemoryMiB;
  private final int maxWorkloads;
  private int usedCpuMillis;
  private int usedMemoryMiB;
  private int workloads;

  /**
   * @throws IllegalArgumentException naming the field when a total is not positive
   */
  public Capacity(int totalCpuMillis, int totalMemoryMiB, int maxWorkloads) {
    if (totalCpuMillis < 1) {
      throw new IllegalArgumentException("totalCpuMillis: must be at least 1, got " + totalCpuMillis);
    }
    if (totalMemoryMiB < 1) {
      throw new IllegalArgumentException("totalMemoryMiB: must be at least 1, got " + totalMemoryMiB);
    }
    if (maxWorkloads < 1) {
      throw new IllegalArgumentException("maxWorkloads: must be at least 1, got " + maxWorkloads);
    }
    this.totalCpuMillis = totalCpuMillis;
    this.totalMemoryMiB = totalMemoryMiB;
    this.maxWorkloads = maxWorkloads;
  }

  /** Reserves {@code limits} and one workload slot if all fit; false (nothing taken) otherwise. */
  public synchronized boolean tryReserve(ResourceLimits limits) {
    if (!fits(limits)) {
      return false;
    }
    usedCpuMillis += limits.cpuMillis();
    usedMemoryMiB += limits.memoryMiB();
    workloads++;
    return true;
  }

  /** Whether {@code limits} and one more workload fit now (nothing reserved). */
  public synchronized boolean fits(ResourceLimits limits) {
    return workloads < maxWorkloads
        && (long) usedCpuMillis + limits.cpuMillis() <= totalCpuMillis
        && (long) usedMemoryMiB + limits.memoryMiB() <= totalMemoryMiB;
  }

  /**
   * Gives back what {@link #tryReserve} took for {@code limits}.
   *
   * @throws IllegalStateException when more would be released than is reserved (nothing changes)
   */
  public synchronized void release(ResourceLimits limits) {
    if (workloads < 1 || usedCpuMillis < limits.cpuMillis() || usedMemoryMiB < limits.memoryMiB()) {
      throw new IllegalStateException("release of " + limits + " exceeds what is reserved: cpu "
          + usedCpuMillis + ", memory " + usedMemoryMiB + ", workloads " + workloads);
    }
    usedCpuMillis -= limits.cpuMillis();
    usedMemoryMiB -= limits.memoryMiB();
    workloads--;
  }

  public synchronized int freeCpuMillis() {
    return totalCpuMillis - usedCpuMillis;
  }

  public synchronized int freeMemoryMiB() {
    return totalMemoryMiB - usedMemoryMiB;
  }

  public synchronized int workloads() {
    return workloads;
  }

  public int totalCpuMillis() {
    return totalCpuMillis;
  }

  public int totalMemoryMiB() {
    return totalMemoryMiB;
  }

  public int maxWorkloads() {
    return maxWorkloads;
  }

  @Override
  public synchronized String toString() {
    return "Capacity[cpu " + usedCpuMillis + "/" + totalCpuMillis + " millis, memory " + usedMemoryMiB
        + "/" + totalMemoryMiB + " MiB, workloads " + workloads + "/" + maxWorkloads + "]";
  }
}
