package dev.icon.node.deploy;

/**
 * One sender attempt ended without a verdict (stream or connection dropped, timeout, dial
 * failure): the sender may retry and resume. A {@link DeployException} instead ends the transfer.
 */
final class AttemptDropped extends RuntimeException {

  private static final long serialVersionUID = 1L;

  AttemptDropped(String message, Throwable cause) {
    super(message, cause);
  }
}
