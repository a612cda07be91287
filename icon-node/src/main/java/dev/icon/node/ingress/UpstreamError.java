package dev.icon.node.ingress;

/** Why a request could not be answered by the upstream, with the status the client gets. */
public enum UpstreamError {
  /** The upstream refused or reset the connection attempt. */
  CONNECT_FAILED(502),
  /** The connection attempt timed out. */
  CONNECT_TIMEOUT(504),
  /** The whole response did not arrive in time. */
  RESPONSE_TIMEOUT(504),
  /** The upstream closed the connection before answering. */
  CLOSED(502),
  /** The response could not be parsed. */
  BAD_RESPONSE(502),
  /** The response body exceeded the configured bound. */
  RESPONSE_TOO_LARGE(502),
  /** Too many requests wait for an upstream connection. */
  OVERLOADED(503);

  private final int status;

  UpstreamError(int status) {
    this.status = status;
  }

  /** The HTTP status answered to the client. */
  public int status() {
    return status;
  }
}
