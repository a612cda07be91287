package dev.icon.overlay.kad;

import dev.icon.overlay.identity.PeerId;
import java.util.concurrent.CompletionStage;

/**
 * Asks whether a peer still answers (e.g. a Kademlia PING or a libp2p ping over an existing or new
 * connection). The {@link RoutingTable} calls it when a bucket is full, about the bucket's
 * least-recently-seen peer.
 *
 * <p>Implementations return at once; the stage completes later (or already, in tests) with {@code
 * true} if the peer answered. {@code false} or an exceptional completion counts as dead. The stage
 * must complete eventually (apply a timeout): until it does, further candidates for that bucket are
 * dropped. Called without any routing-table lock held, from the thread that offered the candidate.
 */
@FunctionalInterface
public interface LivenessCheck {

  /** Whether {@code peer} is alive. */
  CompletionStage<Boolean> isAlive(PeerId peer);
}
