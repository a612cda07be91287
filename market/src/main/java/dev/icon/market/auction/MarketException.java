package dev.icon.market.auction;

import java.util.Objects;

/** A market message or operation refused for a named {@link MarketError}. */
public final class MarketException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final MarketError error;

  /** An exception for {@code error} with a message saying what was wrong. */
  public MarketException(MarketError error, String message) {
    super(error + ": " + message);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** The reason. */
  public MarketError error() {
    return error;
  }
}
