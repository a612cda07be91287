package dev.icon.market.auction;

import dev.icon.overlay.identity.PeerId;
import java.util.Objects;

/**
 * A market message refused, and why.
 *
 * @param from the gossip author of the message ({@code null} if unknown)
 * @param round the round it named ({@code -1} if it could not be decoded)
 */
public record MarketRejection(MarketError error, PeerId from, long round, String detail) {

  /** Rejects a null error or detail. */
  public MarketRejection {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(detail, "detail");
  }
}
