package dev.icon.node.ingress;

/** What the gateway does with a new request. Switched at run time by {@link IngressGateway}. */
public enum IngressMode {
  /** Forward to the current upstream. */
  PROXY,
  /** Answer 307 to the new location, until the grace period ends. */
  REDIRECT,
  /** The redirect's grace period is over: answer 410 Gone. */
  GONE,
  /** Let in-flight requests finish, answer new ones 503 and close their connection. */
  DRAIN
}
