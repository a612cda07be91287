package dev.icon.gossip.core;

import java.util.List;

/**
 * The pubsub protocol ids a peer may speak, and what each allows. Stateless.
 */
public final class GossipProtocols {

  /** Gossipsub v1.2 (IDONTWANT). */
  public static final String MESHSUB_V12 = "/meshsub/1.2.0";
  /** Gossipsub v1.1 (scoring, PX, backoff). */
  public static final String MESHSUB_V11 = "/meshsub/1.1.0";
  /** Gossipsub v1.0. */
  public static final String MESHSUB_V10 = "/meshsub/1.0.0";
  /** Floodsub: no mesh, no control messages; gets flood-published messages only. */
  public static final String FLOODSUB = "/floodsub/1.0.0";

  /** Ids in order of preference, for the host's multistream negotiation. */
  public static final List<String> PREFERENCE = List.of(MESHSUB_V12, MESHSUB_V11, MESHSUB_V10, FLOODSUB);

  private GossipProtocols() {}

  /** Whether peers speaking {@code protocolId} take part in meshes and gossip. */
  public static boolean isGossipsub(String protocolId) {
    return protocolId.startsWith("/meshsub/");
  }

  /** Whether peers speaking {@code protocolId} understand IDONTWANT (v1.2). */
  public static boolean supportsIdontwant(String protocolId) {
    return MESHSUB_V12.equals(protocolId);
  }

  /** Whether PRUNE backoff is understood (v1.1 and later). */
  public static boolean supportsBackoff(String protocolId) {
    return MESHSUB_V12.equals(protocolId) || MESHSUB_V11.equals(protocolId);
  }
}
