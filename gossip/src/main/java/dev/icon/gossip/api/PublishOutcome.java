package dev.icon.gossip.api;

import java.util.Objects;

/**
 * What {@link PubSub#publish} did.
 *
 * @param id the message id
 * @param recipients peers the message was sent to (0 only when publishing to nobody is allowed)
 */
public record PublishOutcome(MessageId id, int recipients) {

  /** Rejects a null id and a negative count. */
  public PublishOutcome {
    Objects.requireNonNull(id, "id");
    if (recipients < 0) {
      throw new IllegalArgumentException("recipients must be >= 0: " + recipients);
    }
  }
}
