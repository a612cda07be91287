package dev.icon.overlay.kad;

import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.kad.Message;

/**
 * Reads what a lookup's responses carry beyond closer peers (a record for GET_VALUE, providers
 * for GET_PROVIDERS, the target itself for FIND_NODE) and decides when enough has been found.
 *
 * <p>Calls are serialized (made under the lookup's lock): keep them short, and never call back into
 * the {@link Lookup}.
 */
@FunctionalInterface
public interface LookupHandler {

  /** Never stops: the lookup runs until it converges (plain FIND_NODE toward a key). */
  LookupHandler NONE = (from, response) -> false;

  /** Called once per answered request; returns true to end the lookup now ({@code STOPPED}). */
  boolean onResponse(PeerId from, Message response);
}
