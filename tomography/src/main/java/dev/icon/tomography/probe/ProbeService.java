package dev.icon.tomography.probe;

import com.google.protobuf.ByteString;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.api.StreamHandler;
import dev.icon.proto.icon.probe.ProbeMethod;
import dev.icon.proto.icon.probe.ProbeRequest;
import dev.icon.proto.icon.probe.ProbeResponse;
import dev.icon.proto.icon.probe.ProbeResult;
import dev.icon.proto.icon.probe.ProbeStatus;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The measuring side of {@code /icon/probe/1.0.0}: reads one request per stream, probes what its
 * limits admit and answers with one result per target, in order. Limits, in the order applied:
 * more than {@link ProbeConfig#maxTargetsPerRequest()} targets refuses the whole request; a method
 * without a prober, a port other than its prober's ({@link Prober#port()}) or a count above
 * {@link ProbeConfig#maxCount()} is REFUSED_UNSUPPORTED; a
 * target the {@link TargetFilter} refuses (or not 4/16 bytes) is REFUSED_TARGET; beyond {@link
 * ProbeConfig#maxConcurrentProbes()} probes in progress REFUSED_BUSY; then the {@link
 * ProbeLimiter}'s per-peer, global and per-target budgets. A probe that fails or outlasts {@link
 * ProbeConfig#probeTimeout()} is FAILED with the reason. A malformed or oversized request, or one
 * not complete within {@link ProbeConfig#readTimeout()}, resets the stream and is counted ({@link
 * #malformedRequests()}). Beyond {@link ProbeConfig#maxConcurrentRequests()} open request
 * streams, a new one is reset at once ({@link #busyRequests()}).
 *
 * <p>Threading: {@link #handle} runs on the stream's event loop and never blocks; probes run on
 * the probers' threads, and the answer is written from there. The service does not own the
 * probers (close them yourself). Thread-safe.
 */
public final class ProbeService implements StreamHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProbeService.class);

  private final ProbeConfig config;
  private final Map<ProbeMethod, Prober> probers;
  private final TargetFilter filter;
  private final ProbeLimiter limiter;
  private final Semaphore inProgress;
  private final Semaphore requests;
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicLong probed = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong busy = new AtomicLong();

  /**
   * A service probing with {@code probers} (by method), admitting targets through {@code filter},
   * budgets on {@code clock}.
   */
  public ProbeService(ProbeConfig config, Map<ProbeMethod, Prober> probers, TargetFilter filter,
      Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.probers = Map.copyOf(probers);
    this.filter = Objects.requireNonNull(filter, "filter");
    this.limiter = new ProbeLimiter(config, clock);
    this.inProgress = new Semaphore(config.maxConcurrentProbes());
    this.requests = new Semaphore(config.maxConcurrentRequests());
  }

  /** Serves {@link ProbeProtocol#ID} on {@code host} with this service. */
  public ProbeService registerOn(Host host) {
    host.addProtocol(ProbeProtocol.ID, this);
    return this;
  }

  @Override
  public void handle(Stream stream) {
    String peer = stream.remotePeer().toBase58();
    if (!requests.tryAcquire()) {
      busy.incrementAndGet();
      LOG.debug("resetting probe stream from {}: {} requests in progress", peer,
          config.maxConcurrentRequests());
      stream.reset();
      return;
    }
    // The slot is ours until we answered or reset, whatever the asker does with its side.
    AtomicBoolean held = new AtomicBoolean(true);
    Runnable release = () -> {
      if (held.compareAndSet(true, false)) {
        requests.release();
      }
    };
    stream.closeFuture().whenComplete((v, e) -> release.run());
    stream.readToEnd(config.maxRequestBytes())
        .orTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((bytes, error) -> {
          ProbeRequest request = error == null ? decode(peer, bytes) : null;
          if (request == null) {
            if (error != null) {
              malformed.incrementAndGet();
              LOG.debug("probe request from {} not read: {}", peer, error.getMessage());
            }
            stream.reset();
            release.run();
            return;
          }
          serve(peer, request).whenComplete((response, e) -> {
            if (e != null) {
              LOG.warn("probe request from {} failed: {}", peer, e.toString());
              stream.reset();
              release.run();
              return;
            }
            stream.write(ProbeCodec.encode(response)).whenComplete((v, we) -> {
              stream.close();
              release.run();
            });
          });
        });
  }

  /** The request {@code bytes} hold, or null (counted and logged) when they are malformed. */
  private ProbeRequest decode(String peer, byte[] bytes) {
    try {
      return ProbeCodec.decodeRequest(bytes, config.maxRequestBytes());
    } catch (ProbeException e) {
      malformed.incrementAndGet();
      LOG.debug("resetting probe stream from {}: {}", peer, e.getMessage());
      return null;
    }
  }

  /** Answers {@code request} from {@code peer} (the wire-independent core of {@link #handle}). */
  public CompletableFuture<ProbeResponse> serve(String peer, ProbeRequest request) {
    ProbeResponse.Builder response = ProbeResponse.newBuilder().setRequestId(request.getRequestId());
    if (request.getTargetsCount() > config.maxTargetsPerRequest()) {
      refused.addAndGet(request.getTargetsCount());
      return CompletableFuture.completedFuture(response.setRefusal(request.getTargetsCount()
          + " targets; at most " + config.maxTargetsPerRequest() + " per request").build());
    }
    int count = request.getCount() == 0 ? config.defaultCount() : request.getCount();
    Prober prober = probers.get(request.getMethod());
    List<CompletableFuture<ProbeResult>> results = new ArrayList<>();
    for (ByteString asked : request.getTargetsList()) {
      results.add(one(peer, asked, prober, request, count));
    }
    return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenApply(v -> {
      results.forEach(r -> response.addResults(r.join()));
      return response.build();
    });
  }

  /** The result for one target, answering for the bytes as {@code asked}. */
  private CompletableFuture<ProbeResult> one(String peer, ByteString asked, Prober prober,
      ProbeRequest request, int count) {
    InetAddress target;
    try {
      target = ProbeMessages.target(asked);
    } catch (ProbeException e) {
      refused.incrementAndGet();
      return CompletableFuture.completedFuture(ProbeResult.newBuilder().setTarget(asked)
          .setStatus(ProbeStatus.REFUSED_TARGET).setReason(e.getMessage()).build());
    }
    return outcome(peer, target, prober, request, count)
        .thenApply(o -> ProbeMessages.result(asked, o));
  }

  private CompletableFuture<ProbeOutcome> outcome(String peer, InetAddress target, Prober prober,
      ProbeRequest request, int count) {
    ProbeMethod method = request.getMethod();
    if (prober == null) {
      return refuse(target, ProbeStatus.REFUSED_UNSUPPORTED, "method " + method + " not offered");
    }
    if (prober.port().isPresent() && request.getPort() != 0
        && request.getPort() != prober.port().getAsInt()) {
      return refuse(target, ProbeStatus.REFUSED_UNSUPPORTED, "port " + request.getPort()
          + " not offered (only " + prober.port().getAsInt() + ")");
    }
    if (count > config.maxCount()) {
      return refuse(target, ProbeStatus.REFUSED_UNSUPPORTED,
          "count " + count + " above the limit of " + config.maxCount());
    }
    Optional<String> why = filter.refusal(target);
    if (why.isPresent()) {
      return refuse(target, ProbeStatus.REFUSED_TARGET, why.get());
    }
    if (!inProgress.tryAcquire()) {
      return refuse(target, ProbeStatus.REFUSED_BUSY,
          config.maxConcurrentProbes() + " probes already in progress");
    }
    Optional<ProbeStatus> limit = limiter.admit(peer, target, count);
    if (limit.isPresent()) {
      inProgress.release();
      return refuse(target, limit.get(), "rate limit: " + limit.get());
    }
    probed.incrementAndGet();
    CompletableFuture<ProbeMeasurement> probe;
    try {
      probe = prober.probe(target, count);
    } catch (RuntimeException e) {
      probe = CompletableFuture.failedFuture(e);
    }
    // A copy carries the timeout, so the prober's own future can be cancelled (killing its
    // process) rather than merely completed.
    CompletableFuture<ProbeMeasurement> started = probe;
    CompletableFuture<ProbeMeasurement> bounded = probe.copy()
        .orTimeout(config.probeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    return bounded.handle((m, e) -> {
      inProgress.release();
      if (e == null) {
        return ProbeOutcome.measured(m);
      }
      started.cancel(true);
      Throwable cause = e instanceof CompletionException && e.getCause() != null
          ? e.getCause() : e;
      String reason = cause instanceof TimeoutException
          ? "no answer within " + config.probeTimeout() : cause.getMessage();
      return ProbeOutcome.refused(target, ProbeStatus.FAILED, String.valueOf(reason));
    });
  }

  private CompletableFuture<ProbeOutcome> refuse(InetAddress target, ProbeStatus status,
      String reason) {
    refused.incrementAndGet();
    return CompletableFuture.completedFuture(ProbeOutcome.refused(target, status, reason));
  }

  /** Requests whose frame was malformed, oversized or cut off (their streams were reset). */
  public long malformedRequests() {
    return malformed.get();
  }

  /** Request streams reset at once because {@link ProbeConfig#maxConcurrentRequests()} were open. */
  public long busyRequests() {
    return busy.get();
  }

  /** Request streams being read, probed or answered now. */
  public int openRequests() {
    return config.maxConcurrentRequests() - requests.availablePermits();
  }

  /** Targets probed. */
  public long probedTargets() {
    return probed.get();
  }

  /** Targets refused. */
  public long refusedTargets() {
    return refused.get();
  }

  /** The budgets (for inspection). */
  public ProbeLimiter limiter() {
    return limiter;
  }
}
