package dev.icon.market.negotiate;

import java.util.Objects;

/**
 * A failed negotiation: {@link #error()} says why, {@link #byRemote()} whether the remote peer
 * sent the rejection (its reason is then the remote's word) or this side detected the fault.
 */
public final class NegotiateException extends RuntimeException {

  private final NegotiateError error;
  private final boolean byRemote;

  /** A fault detected locally. */
  public NegotiateException(NegotiateError error, String message) {
    this(error, message, false);
  }

  /** A fault detected locally ({@code byRemote} false) or a remote's rejection. */
  public NegotiateException(NegotiateError error, String message, boolean byRemote) {
    super(Objects.requireNonNull(error, "error") + (byRemote ? " (remote): " : ": ") + message);
    this.error = error;
    this.byRemote = byRemote;
  }

  /** Why. */
  public NegotiateError error() {
    return error;
  }

  /** True when the remote rejected; false when this side found the fault. */
  public boolean byRemote() {
    return byRemote;
  }
}
