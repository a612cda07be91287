package dev.icon.overlay.yamux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiveWindowTest {
  private static final long KIB = 1024;
  private static final long RTT = 1_000_000; // 1 ms

  @Test
  void startsWithTheSpecWindowAndInitialDeltaRaisesIt() {
    ReceiveWindow w = new ReceiveWindow(1024 * KIB, 16 * 1024 * KIB);
    assertThat(w.credit()).isEqualTo(256 * KIB);
    assertThat(w.initialDelta()).isEqualTo(768 * KIB);
    assertThat(w.credit()).isEqualTo(1024 * KIB);
  }

  @Test
  void receivingBeyondCreditIsAViolation() {
    ReceiveWindow w = new ReceiveWindow(256 * KIB, 256 * KIB);
    assertThat(w.onReceive(256 * KIB)).isTrue();
    assertThat(w.onReceive(1)).isFalse();
  }

  @Test
  void updateIsSentOnlyAfterHalfTheWindowWasConsumed() {
    ReceiveWindow w = new ReceiveWindow(256 * KIB, 256 * KIB);
    w.onReceive(200 * KIB);
    assertThat(w.onConsumed(100 * KIB, 0, RTT)).isZero();
    assertThat(w.onConsumed(28 * KIB, 0, RTT)).isEqualTo(128 * KIB);
    assertThat(w.credit()).isEqualTo(184 * KIB);
  }

  @ParameterizedTest(name = "{0} ns between updates, rtt {1} -> window {2} KiB")
  @CsvSource({
      // interval, rtt, window after the second update (first update only starts the epoch)
      "1000000, 1000000, 512", // consumed within 1 RTT: grow
      "3999999, 1000000, 512", // just under 4 RTTs: grow
      "4000000, 1000000, 256", // 4 RTTs: the window is not the bottleneck
      "100, 0, 256", // RTT unknown: never grow
  })
  void growsOnlyWhenHalfAWindowIsConsumedWithinFourRtts(long interval, long rtt, long expectKib) {
    ReceiveWindow w = new ReceiveWindow(256 * KIB, 16 * 1024 * KIB);
    w.onReceive(128 * KIB);
    w.onConsumed(128 * KIB, 0, rtt);
    w.onReceive(128 * KIB);
    long delta = w.onConsumed(128 * KIB, interval, rtt);
    assertThat(w.window()).isEqualTo(expectKib * KIB);
    assertThat(delta).isEqualTo(128 * KIB + (expectKib - 256) * KIB);
  }

  @Test
  void growsUpToTheMaximumAndNoFurther() {
    long max = 1024 * KIB;
    ReceiveWindow w = new ReceiveWindow(256 * KIB, max);
    long now = 0;
    for (int i = 0; i < 20; i++) {
      long half = w.window() / 2;
      assertThat(w.onReceive(half)).isTrue();
      w.onConsumed(half, now, RTT);
      now += RTT / 2;
      assertThat(w.window()).isLessThanOrEqualTo(max);
      // credit plus what the remote has in flight never exceeds the window
      assertThat(w.credit()).isLessThanOrEqualTo(w.window());
    }
    assertThat(w.window()).isEqualTo(max);
    assertThat(w.credit()).isEqualTo(max);
  }
}
