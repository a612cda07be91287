package dev.icon.tomography.probe;

import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.icon.probe.ProbeMethod;
import dev.icon.proto.icon.probe.ProbeRequest;
import dev.icon.proto.icon.probe.ProbeResponse;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;

/**
 * The asking side of {@code /icon/probe/1.0.0}: asks a peer to measure RTTs from itself to some
 * addresses. One stream per call: the request is written and the stream half-closed, the response
 * read to its end (at most {@link ProbeConfig#maxResponseBytes()}), checked (same request id, one
 * result per target, in order, consistent counts) and turned into {@link ProbeOutcome}s.
 *
 * <p>Futures fail with {@link ProbeException}: MALFORMED_FRAME for a bad answer, REFUSED when the
 * peer refused the request as a whole, TIMEOUT after {@link ProbeConfig#requestTimeout()} (the
 * stream is then reset); or with the host's exception when the peer cannot be reached. Thread-safe;
 * futures complete on the stream's event loop or the timeout's thread.
 */
public final class ProbeClient {

  private final Host host;
  private final ProbeConfig config;
  private final RandomGenerator random;

  /** A client asking through {@code host}; request ids come from {@code random}. */
  public ProbeClient(Host host, ProbeConfig config, RandomGenerator random) {
    this.host = Objects.requireNonNull(host, "host");
    this.config = Objects.requireNonNull(config, "config");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Asks {@code peer} to ping {@code targets} its default number of times. */
  public CompletableFuture<List<ProbeOutcome>> probe(PeerId peer, List<InetAddress> targets) {
    return probe(peer, targets, ProbeMethod.ICMP_ECHO, 0);
  }

  /**
   * Asks {@code peer} to probe {@code targets} with {@code method}, {@code count} times each (0:
   * the peer's default); one outcome per target, in order.
   */
  public CompletableFuture<List<ProbeOutcome>> probe(PeerId peer, List<InetAddress> targets,
      ProbeMethod method, int count) {
    if (targets.isEmpty() || targets.size() > config.maxTargetsPerRequest()) {
      return CompletableFuture.failedFuture(new ProbeException(ProbeError.INVALID_TARGET,
          "1.." + config.maxTargetsPerRequest() + " targets per request, got " + targets.size()));
    }
    if (count < 0 || count > config.maxCount()) {
      return CompletableFuture.failedFuture(new ProbeException(ProbeError.INVALID_TARGET,
          "count must be 0.." + config.maxCount() + ", was " + count));
    }
    ProbeRequest.Builder b = ProbeRequest.newBuilder()
        .setRequestId(random.nextLong() & Long.MAX_VALUE).setMethod(method).setCount(count);
    targets.forEach(t -> b.addTargets(ProbeMessages.target(t)));
    ProbeRequest request = b.build();
    List<InetAddress> asked = List.copyOf(targets);

    CompletableFuture<List<ProbeOutcome>> result = new CompletableFuture<>();
    host.newStream(peer, List.of(ProbeProtocol.ID)).whenComplete((stream, error) -> {
      if (error != null) {
        result.completeExceptionally(error);
        return;
      }
      if (result.isDone()) {
        stream.reset();
        return;
      }
      result.whenComplete((r, e) -> {
        if (e != null) {
          stream.reset();
        } else {
          stream.close();
        }
      });
      exchange(stream, request, asked, result);
    });
    result.orTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    return result.exceptionallyCompose(e -> CompletableFuture.failedFuture(
        e instanceof TimeoutException
            ? new ProbeException(ProbeError.TIMEOUT,
                "no probe answer from " + peer + " within " + config.requestTimeout())
            : e));
  }

  private void exchange(Stream stream, ProbeRequest request, List<InetAddress> asked,
      CompletableFuture<List<ProbeOutcome>> result) {
    CompletableFuture<byte[]> answer = stream.readToEnd(config.maxResponseBytes());
    stream.write(ProbeCodec.encode(request)).thenCompose(v -> stream.closeWrite())
        .exceptionally(e -> {
          result.completeExceptionally(e);
          return null;
        });
    answer.whenComplete((bytes, e) -> {
      if (e != null) {
        result.completeExceptionally(e);
        return;
      }
      try {
        result.complete(interpret(ProbeCodec.decodeResponse(bytes, config.maxResponseBytes()),
            request.getRequestId(), asked));
      } catch (ProbeException pe) {
        result.completeExceptionally(pe);
      }
    });
  }

  /** Checks {@code response} against the request and converts it. */
  static List<ProbeOutcome> interpret(ProbeResponse response, long requestId,
      List<InetAddress> asked) {
    if (response.getRequestId() != requestId) {
      throw new ProbeException(ProbeError.MALFORMED_FRAME, "answer to request "
          + response.getRequestId() + ", not " + requestId);
    }
    if (!response.getRefusal().isEmpty()) {
      String why = response.getRefusal();
      throw new ProbeException(ProbeError.REFUSED,
          why.length() <= 300 ? why : why.substring(0, 297) + "...");
    }
    if (response.getResultsCount() != asked.size()) {
      throw new ProbeException(ProbeError.MALFORMED_FRAME, response.getResultsCount()
          + " results for " + asked.size() + " targets");
    }
    List<ProbeOutcome> out = new ArrayList<>();
    for (int i = 0; i < asked.size(); i++) {
      out.add(ProbeMessages.outcome(asked.get(i), response.getResults(i)));
    }
    return List.copyOf(out);
  }
}
