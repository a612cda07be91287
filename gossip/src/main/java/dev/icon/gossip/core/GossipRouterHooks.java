package dev.icon.gossip.core;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The router's optional seams beyond {@link GossipPeerLink} and {@link GossipDelivery}.
 *
 * @param listener events (graft, prune, score, deliveries, duplicates, rejections)
 * @param validation application validators
 * @param peerExchange PX candidates received in PRUNEs
 * @param executor the router's own executor: async validation verdicts are resumed on it
 */
public record GossipRouterHooks(GossipRouterListener listener, MessageValidation validation,
    PeerExchange peerExchange, Executor executor) {

  /** Rejects nulls, naming the field. */
  public GossipRouterHooks {
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(peerExchange, "peerExchange");
    Objects.requireNonNull(executor, "executor");
  }

  /** No listener, accept all, ignore PX, resume inline (tests on a single thread). */
  public static GossipRouterHooks none() {
    return new GossipRouterHooks(GossipRouterListener.NONE, MessageValidation.ACCEPT_ALL,
        PeerExchange.NONE, Runnable::run);
  }
}
