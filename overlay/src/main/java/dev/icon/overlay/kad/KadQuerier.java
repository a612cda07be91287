package dev.icon.overlay.kad;

import dev.icon.proto.libp2p.kad.Message;
import java.util.concurrent.CompletionStage;

/**
 * The seam through which a {@link Lookup} talks to other peers: send one request (FIND_NODE,
 * GET_VALUE or GET_PROVIDERS) to a peer and complete with its response. The binding opens an
 * {@code /ipfs/kad/1.0.0} stream (dialling the addresses the lookup learnt, {@link KadPeer#addrs()})
 * and frames with {@link KadCodec}; tests answer from an in-memory network.
 *
 * <p>Returns at once. The stage may complete on any thread, or already be complete. A failed stage
 * (no route, stream reset, malformed response) counts as a failed peer; the lookup applies {@link
 * KadConfig#requestTimeout()} itself, so the stage need not time out (but should, eventually, to
 * free resources).
 */
@FunctionalInterface
public interface KadQuerier {

  /** Sends {@code request} to {@code peer} (at {@code peer}'s learnt addresses). */
  CompletionStage<Message> query(KadPeer peer, Message request);
}
