package dev.icon.tomography.dns;

/** The outcome of one DNS query. */
public enum DnsStatus {
  /** Records of the asked type came back. */
  OK,
  /** The name does not exist (NXDOMAIN); cached as a negative answer. */
  NXDOMAIN,
  /** The name exists but has no records of the asked type; cached as a negative answer. */
  NODATA,
  /** The server failed (SERVFAIL); not cached, a later query may succeed. */
  SERVFAIL,
  /** The server refused the query (REFUSED); not cached. */
  REFUSED,
  /** No server answered within the timeout and retries; not cached. */
  TIMEOUT,
  /** Any other failure (network error, malformed reply, other rcode); not cached. */
  ERROR;

  /** Whether the answer is authoritative-negative and may be cached as such (RFC 2308). */
  public boolean isNegative() {
    return this == NXDOMAIN || this == NODATA;
  }
}
