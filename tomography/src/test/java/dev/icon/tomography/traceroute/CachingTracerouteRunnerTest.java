package dev.icon.tomography.traceroute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.tomography.testing.MutableClock;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CachingTracerouteRunnerTest {

  /** A runner whose runs the test completes by hand. */
  private static final class ManualRunner implements TracerouteRunner {
    final List<CompletableFuture<TracerouteResult>> runs = new ArrayList<>();
    boolean closed;

    @Override
    public synchronized CompletableFuture<TracerouteResult> trace(String target) {
      CompletableFuture<TracerouteResult> f = new CompletableFuture<>();
      runs.add(f);
      return f;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private final ManualRunner delegate = new ManualRunner();
  private final MutableClock clock = new MutableClock();
  private final CachingTracerouteRunner cache =
      new CachingTracerouteRunner(delegate, Duration.ofMinutes(5), clock);

  @Test
  void answersFromTheCacheUntilTheTtlPasses() throws Exception {
    cache.trace("10.3.0.2");
    delegate.runs.get(0).complete(result("10.3.0.2"));

    clock.advance(Duration.ofMinutes(4));
    assertThat(cache.trace("10.3.0.2").get(1, TimeUnit.SECONDS).target()).isEqualTo("10.3.0.2");
    assertThat(delegate.runs).hasSize(1);

    clock.advance(Duration.ofMinutes(1));
    CompletableFuture<TracerouteResult> again = cache.trace("10.3.0.2");
    assertThat(delegate.runs).hasSize(2);
    assertThat(again).isNotDone();
  }

  @Test
  void concurrentCallersShareOneRun() throws Exception {
    CompletableFuture<TracerouteResult> a = cache.trace("10.3.0.2");
    CompletableFuture<TracerouteResult> b = cache.trace("10.3.0.2");
    delegate.runs.get(0).complete(result("10.3.0.2"));

    assertThat(delegate.runs).hasSize(1);
    assertThat(a.get(1, TimeUnit.SECONDS)).isSameAs(b.get(1, TimeUnit.SECONDS));
  }

  @Test
  void failuresAreNotCached() {
    CompletableFuture<TracerouteResult> first = cache.trace("10.3.0.2");
    delegate.runs.get(0).completeExceptionally(
        new TracerouteException(TracerouteError.TIMEOUT, "slow"));

    assertThatThrownBy(() -> first.get(1, TimeUnit.SECONDS)).cause()
        .isInstanceOf(TracerouteException.class);
    cache.trace("10.3.0.2");
    assertThat(delegate.runs).hasSize(2);
  }

  @Test
  void theSharedRunIsCancelledOnlyWhenEveryCallerCancelled() {
    CompletableFuture<TracerouteResult> a = cache.trace("10.3.0.2");
    CompletableFuture<TracerouteResult> b = cache.trace("10.3.0.2");

    a.cancel(true);
    assertThat(delegate.runs.get(0)).isNotCancelled();
    b.cancel(true);
    assertThat(delegate.runs.get(0)).isCancelled();

    cache.trace("10.3.0.2");
    assertThat(delegate.runs).hasSize(2);
  }

  @Test
  void closeClosesTheDelegate() {
    cache.close();

    assertThat(delegate.closed).isTrue();
  }

  private static TracerouteResult result(String target) throws Exception {
    return new TracerouteResult(target, InetAddress.getByName(target), 30, List.of());
  }
}
