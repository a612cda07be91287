package dev.icon.overlay.spi;

/** Which side of a connection or stream this end is: it decides Noise roles and Yamux stream ids. */
public enum Role {
  /** The dialer: Noise initiator, odd Yamux stream ids. */
  INITIATOR,
  /** The listener: Noise responder, even Yamux stream ids. */
  RESPONDER
}
