package dev.icon.tomography.dns;

/** A dynamic update (RFC 2136) the server did not apply, with the reason. */
public final class DnsUpdateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An exception with a human-readable reason (rcode, TSIG failure, timeout). */
  public DnsUpdateException(String message) {
    super(message);
  }

  /** An exception with a reason and a cause. */
  public DnsUpdateException(String message, Throwable cause) {
    super(message, cause);
  }
}
