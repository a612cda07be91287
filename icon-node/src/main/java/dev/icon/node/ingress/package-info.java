/**
 * The ingress of an ICON: an HTTP/1.1 reverse proxy on Netty in front of its service ({@link
 * dev.icon.node.ingress.IngressGateway}) that records demand per client prefix ({@link
 * dev.icon.node.ingress.DemandRecorder}, read by the decision engine as a {@link
 * dev.icon.node.ingress.DemandSnapshot}) and carries the redirect and drain steps of a
 * make-before-break migration.
 *
 * <p>File roles: {@code IngressGateway} (facade: start, switch mode, stop), {@code IngressConfig}
 * and {@code DemandConfig} (immutable settings), {@code IngressHandler} (the per-connection state
 * machine), {@code PooledUpstreamClient} and {@code UpstreamHandler} (keep-alive upstream pool),
 * {@code HopByHopHeaders} (header rules), {@code IngressRoute} (the switchable route and the
 * {@code Location} rule), {@code ClientRttSource} (the seam for tomography's RTT estimates).
 */
package dev.icon.node.ingress;
