package dev.icon.node.yard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.node.runtime.ResourceLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CapacityTest {

  @Test
  void reservesOnlyWhatFitsAndReleasesBack() {
    Capacity c = new Capacity(1000, 512, 2);
    ResourceLimits half = new ResourceLimits(500, 256, 0, 64);
    assertThat(c.tryReserve(half)).isTrue();
    assertThat(c.tryReserve(new ResourceLimits(501, 4, 0, 1))).as("cpu over").isFalse();
    assertThat(c.tryReserve(new ResourceLimits(1, 257, 0, 1))).as("memory over").isFalse();
    assertThat(c.tryReserve(half)).isTrue();
    assertThat(c.tryReserve(new ResourceLimits(1, 4, 0, 1))).as("workload count over").isFalse();
    assertThat(c.freeCpuMillis()).isZero();
    c.release(half);
    c.release(half);
    assertThat(c.freeCpuMillis()).isEqualTo(1000);
    assertThat(c.freeMemoryMiB()).isEqualTo(512);
    assertThatThrownBy(() -> c.release(half)).isInstanceOf(IllegalStateException.class);
    assertThat(c.workloads()).isZero();
  }

  @Test
  void totalsAreValidated() {
    assertThatThrownBy(() -> new Capacity(0, 1, 1)).hasMessageContaining("totalCpuMillis");
    assertThatThrownBy(() -> new Capacity(1, 0, 1)).hasMessageContaining("totalMemoryMiB");
    assertThatThrownBy(() -> new Capacity(1, 1, 0)).hasMessageContaining("maxWorkloads");
  }

  /** Many threads reserving and releasing random shares: never over the totals, all back at the end. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void concurrentReserveReleaseNeverOvercommits(long seed) throws Exception {
    Capacity c = new Capacity(4000, 2048, 8);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    CountDownLatch done = new CountDownLatch(4);
    for (int t = 0; t < 4; t++) {
      Random r = new Random(seed * 31 + t);
      pool.execute(() -> {
        List<ResourceLimits> held = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
          if (!held.isEmpty() && r.nextBoolean()) {
            c.release(held.remove(held.size() - 1));
          } else {
            ResourceLimits l = new ResourceLimits(1 + r.nextInt(1500), 4 + r.nextInt(800), 0, 1);
            if (c.tryReserve(l)) {
              held.add(l);
            }
          }
          if (c.freeCpuMillis() < 0 || c.freeMemoryMiB() < 0 || c.workloads() > 8) {
            violations.add(c.toString());
          }
        }
        held.forEach(c::release);
        done.countDown();
      });
    }
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    pool.shutdown();
    assertThat(violations).isEmpty();
    assertThat(c.freeCpuMillis()).isEqualTo(4000);
    assertThat(c.freeMemoryMiB()).isEqualTo(2048);
    assertThat(c.workloads()).isZero();
  }
}
