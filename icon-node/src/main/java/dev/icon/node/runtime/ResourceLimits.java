package dev.icon.node.runtime;

import dev.icon.proto.icon.resources.ResourceSpec;

/**
 * Resource limits of one workload, as agreed (see {@code icon/resources.proto} ResourceSpec).
 * Which are enforced depends on the runtime (icon-node README, "Runtime").
 *
 * @param cpuMillis CPU in thousandths of a core (1000 = one core), at least 1
 * @param memoryMiB memory in MiB, at least 4
 * @param diskMiB disk in MiB, 0 for no limit
 * @param pids most processes/threads at once, at least 1
 */
public record ResourceLimits(int cpuMillis, int memoryMiB, int diskMiB, int pids) {

  public ResourceLimits {
    if (cpuMillis < 1) {
      throw new IllegalArgumentException("cpuMillis: must be at least 1, got " + cpuMillis);
    }
    if (memoryMiB < 4) {
      throw new IllegalArgumentException("memoryMiB: must be at least 4 (Docker's minimum), got " + memoryMiB);
    }
    if (diskMiB < 0) {
      throw new IllegalArgumentException("diskMiB: must not be negative, got " + diskMiB);
    }
    if (pids < 1) {
      throw new IllegalArgumentException("pids: must be at least 1, got " + pids);
    }
  }

  /** Half a core, 64 MiB, no disk limit, 64 processes: enough for a small HTTP service. */
  public static ResourceLimits defaults() {
    return new ResourceLimits(500, 64, 0, 64);
  }

  /**
   * The limits of an agreement's ResourceSpec; zero CPU or memory (unset) take the defaults',
   * and the process count is the default's.
   */
  public static ResourceLimits from(ResourceSpec spec) {
    ResourceLimits d = defaults();
    return new ResourceLimits(
        spec.getCpuMillis() == 0 ? d.cpuMillis() : Math.toIntExact(spec.getCpuMillis()),
        spec.getMemoryMib() == 0 ? d.memoryMiB() : Math.toIntExact(spec.getMemoryMib()),
        Math.toIntExact(spec.getDiskMib()),
        d.pids());
  }
}
