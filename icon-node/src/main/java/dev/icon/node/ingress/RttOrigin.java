package dev.icon.node.ingress;

/** Where an RTT sample came from. */
public enum RttOrigin {
  /** The kernel's smoothed RTT of the client's TCP connection ({@code TCP_INFO}). */
  KERNEL,
  /** A {@link ClientRttSource} estimate, e.g. from tomography. */
  ESTIMATE
}
