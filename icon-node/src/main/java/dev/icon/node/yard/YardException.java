package dev.icon.node.yard;

import java.util.Objects;

/** A refusal of the yard, with its {@link YardRefusal reason} and a detail for people. */
public final class YardException extends RuntimeException {

  private final YardRefusal reason;

  public YardException(YardRefusal reason, String detail) {
    super(reason + ": " + detail);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public YardException(YardRefusal reason, String detail, Throwable cause) {
    super(reason + ": " + detail, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why. */
  public YardRefusal reason() {
    return reason;
  }
}
