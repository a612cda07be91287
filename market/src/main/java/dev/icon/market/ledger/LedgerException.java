package dev.icon.market.ledger;

/**
 * A refused or failed {@link Ledger} call; {@link #error()} says why. Only the one call is
 * affected: the ledger stays usable (except after {@link LedgerError#CLOSED}).
 */
public final class LedgerException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final LedgerError error;

  /** Creates an exception for {@code error}. */
  public LedgerException(LedgerError error, String message) {
    super(error + ": " + message);
    this.error = error;
  }

  /** Creates an exception for {@code error} caused by {@code cause}. */
  public LedgerException(LedgerError error, String message, Throwable cause) {
    super(error + ": " + message, cause);
    this.error = error;
  }

  /** The reason. */
  public LedgerError error() {
    return error;
  }
}
