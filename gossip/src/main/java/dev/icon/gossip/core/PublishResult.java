package dev.icon.gossip.core;

import dev.icon.gossip.api.MessageId;
import java.util.Objects;

/**
 * The outcome of {@link GossipRouter#publish}: the message id and how many peers it was sent to
 * (0 when no peer of the topic is known; the message is still cached and served to later IWANTs).
 *
 * @param id the message id under the router's message-id function
 * @param peers number of peers the message was sent to
 */
public record PublishResult(MessageId id, int peers) {

  /** Rejects a null id and a negative count. */
  public PublishResult {
    Objects.requireNonNull(id, "id");
    if (peers < 0) {
      throw new IllegalArgumentException("peers must be >= 0: " + peers);
    }
  }
}
