package dev.icon.node.ingress;

/** What a gateway in {@link IngressMode#REDIRECT} does when the grace period is over. */
public enum RedirectExpiry {
  /** Answer every request 410 Gone (mode {@link IngressMode#GONE}) until told otherwise. */
  GONE,
  /** Stop the gateway: close the listener and every connection. */
  STOP
}
