package dev.icon.overlay.yamux;

/** Life of one stream, as in HTTP/2: each side half-closes with FIN; RST ends both at once. */
enum YamuxStreamState {
  /** Both directions open. */
  OPEN,
  /** We sent FIN; the remote may still send. */
  HALF_CLOSED_LOCAL,
  /** The remote sent FIN; we may still send. */
  HALF_CLOSED_REMOTE,
  /** Both sides sent FIN. */
  CLOSED,
  /** A RST was sent or received. */
  RESET;

  /** The state after we send FIN. */
  YamuxStreamState localFin() {
    return switch (this) {
      case OPEN -> HALF_CLOSED_LOCAL;
      case HALF_CLOSED_REMOTE -> CLOSED;
      default -> this;
    };
  }

  /** The state after the remote's FIN. */
  YamuxStreamState remoteFin() {
    return switch (this) {
      case OPEN -> HALF_CLOSED_REMOTE;
      case HALF_CLOSED_LOCAL -> CLOSED;
      default -> this;
    };
  }

  /** True once we may send no more data. */
  boolean localDone() {
    return this == HALF_CLOSED_LOCAL || this == CLOSED || this == RESET;
  }

  /** True once the remote may send no more data. */
  boolean remoteDone() {
    return this == HALF_CLOSED_REMOTE || this == CLOSED || this == RESET;
  }
}
