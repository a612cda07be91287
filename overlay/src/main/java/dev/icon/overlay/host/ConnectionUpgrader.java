package dev.icon.overlay.host;

import dev.icon.overlay.api.HostError;
import dev.icon.overlay.api.HostException;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multistream.MultistreamConfig;
import dev.icon.overlay.multistream.MultistreamHandler;
import dev.icon.overlay.noise.NoiseError;
import dev.icon.overlay.noise.NoiseException;
import dev.icon.overlay.spi.MuxedSession;
import dev.icon.overlay.spi.Role;
import dev.icon.overlay.spi.SecureChannel;
import dev.icon.overlay.spi.SecureSession;
import dev.icon.overlay.spi.StreamMuxer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a raw connection into a secured, multiplexed one: multistream(security) → security
 * handshake (offering the muxer inline) → multistream(muxer) unless the handshake agreed on it →
 * muxer. Bounded by one upgrade timeout. Stateless apart from its collaborators; thread-safe.
 */
final class ConnectionUpgrader {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionUpgrader.class);

  /** The result of an upgrade. */
  record Upgraded(SecureSession secure, MuxedSession session, String muxerProtocol) {}

  private final SecureChannel security;
  private final StreamMuxer muxer;
  private final MultistreamConfig multistream;
  private final Duration timeout;

  ConnectionUpgrader(SecureChannel security, StreamMuxer muxer, MultistreamConfig multistream,
      Duration timeout) {
    this.security = security;
    this.muxer = muxer;
    this.multistream = multistream;
    this.timeout = timeout;
  }

  /**
   * Installs the upgrade into {@code ch}'s pipeline; call on its event loop (e.g. from a channel
   * initializer). It starts once the channel is active. On failure the channel is closed and the
   * future fails with a {@link HostException}.
   */
  CompletableFuture<Upgraded> upgrade(Channel ch, Role role, Optional<PeerId> expected,
      ChannelInitializer<Channel> inboundStreams) {
    CompletableFuture<Upgraded> result = new CompletableFuture<>();
    var timer = ch.eventLoop().schedule(() -> {
      fail(ch, result, new HostException(HostError.UPGRADE_FAILED, "upgrade took longer than " + timeout));
    }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    result.whenComplete((v, e) -> timer.cancel(false));
    // Deferred one task: a handshake that fails closes the channel before failing its future,
    // and its specific reason (e.g. PEER_ID_MISMATCH) must win over "closed".
    ch.closeFuture().addListener(f -> ch.eventLoop().execute(() -> fail(ch, result,
        new HostException(HostError.CONNECTION_CLOSED, "connection closed during upgrade"))));

    MultistreamHandler secMs = role == Role.INITIATOR
        ? MultistreamHandler.initiator(List.of(security.protocolId()), multistream)
        : MultistreamHandler.responder(() -> Set.of(security.protocolId()), multistream);
    secMs.selected().whenComplete((id, e) -> {
      if (e != null) {
        fail(ch, result, new HostException(HostError.UPGRADE_FAILED, "security negotiation: " + msg(e), e));
        return;
      }
      security.secure(ch, role, expected, List.of(muxer.protocolId())).whenComplete((sec, se) ->
          onLoop(ch, () -> {
            if (se != null) {
              fail(ch, result, securityFailure(se, expected));
            } else {
              afterSecurity(ch, role, sec, inboundStreams, result);
            }
          }));
    });
    ch.pipeline().addLast("multistream-security", secMs);
    return result;
  }

  private void afterSecurity(Channel ch, Role role, SecureSession sec,
      ChannelInitializer<Channel> inboundStreams, CompletableFuture<Upgraded> result) {
    if (result.isDone()) {
      return;
    }
    if (sec.earlyMuxer().filter(muxer.protocolId()::equals).isPresent()) {
      MuxedSession session = muxer.install(ch, role, inboundStreams);
      result.complete(new Upgraded(sec, session, muxer.protocolId()));
      return;
    }
    MultistreamHandler muxMs = role == Role.INITIATOR
        ? MultistreamHandler.initiator(List.of(muxer.protocolId()), multistream)
        : MultistreamHandler.responder(() -> Set.of(muxer.protocolId()), multistream);
    muxMs.selected().whenComplete((id, e) -> {
      if (e != null) {
        fail(ch, result, new HostException(HostError.UPGRADE_FAILED, "muxer negotiation: " + msg(e), e));
        return;
      }
      if (result.isDone()) {
        return;
      }
      MuxedSession session = muxer.install(ch, role, inboundStreams);
      result.complete(new Upgraded(sec, session, id));
    });
    ch.pipeline().addLast("multistream-muxer", muxMs);
  }

  private static HostException securityFailure(Throwable e, Optional<PeerId> expected) {
    String text = msg(e);
    Throwable cause = unwrap(e);
    if (expected.isPresent() && (isPeerMismatch(cause)
        || cause instanceof NoiseException n && n.error() == NoiseError.PEER_ID_MISMATCH)) {
      return new HostException(HostError.PEER_ID_MISMATCH,
          "remote is not " + expected.get() + ": " + text, cause);
    }
    return new HostException(HostError.UPGRADE_FAILED, "security handshake: " + text, cause);
  }

  /** Whether a security failure says the remote proved another peer id than expected. */
  static boolean isPeerMismatch(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      String s = String.valueOf(t.getMessage()).toUpperCase(java.util.Locale.ROOT);
      if (s.contains("PEER_ID_MISMATCH") || s.contains("UNEXPECTED_PEER") || s.contains("PEER ID MISMATCH")) {
        return true;
      }
    }
    return false;
  }

  private static void fail(Channel ch, CompletableFuture<Upgraded> result, HostException e) {
    if (result.completeExceptionally(e)) {
      LOG.debug("upgrade of {} failed: {}", ch, e.getMessage());
      ch.close();
    }
  }

  private static void onLoop(Channel ch, Runnable r) {
    if (ch.eventLoop().inEventLoop()) {
      r.run();
    } else {
      ch.eventLoop().execute(r);
    }
  }

  static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  private static String msg(Throwable e) {
    return String.valueOf(unwrap(e).getMessage());
  }
}
