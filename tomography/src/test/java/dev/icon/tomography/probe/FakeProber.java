package dev.icon.tomography.probe;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Prober} answering every probe with {@code rttMillis} per reply, at once, or (when held)
 * never until released. Records the targets it probed. Thread-safe.
 */
final class FakeProber implements Prober {

  final List<InetAddress> probed = new CopyOnWriteArrayList<>();
  final List<CompletableFuture<ProbeMeasurement>> pending = new CopyOnWriteArrayList<>();
  private final double rttMillis;
  private volatile boolean hold;

  FakeProber(double rttMillis) {
    this.rttMillis = rttMillis;
  }

  FakeProber hold() {
    hold = true;
    return this;
  }

  /** Probes from now on answer at once again. */
  void answerAtOnce() {
    hold = false;
  }

  @Override
  public CompletableFuture<ProbeMeasurement> probe(InetAddress target, int count) {
    probed.add(target);
    if (hold) {
      CompletableFuture<ProbeMeasurement> f = new CompletableFuture<>();
      pending.add(f);
      return f;
    }
    List<Double> samples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      samples.add(rttMillis);
    }
    return CompletableFuture.completedFuture(new ProbeMeasurement(target, count, samples));
  }

  @Override
  public void close() {}
}
