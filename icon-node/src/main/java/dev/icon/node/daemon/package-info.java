/**
 * The ICON daemon: {@link dev.icon.node.daemon.IconNode} (host with DHT and gossip, admin API)
 * and the {@link dev.icon.node.daemon.NodeService} seam every capability joins through, with the
 * services that exist today ({@link dev.icon.node.daemon.DefaultServices}): DHT bootstrap,
 * topology sharing, probe service, negotiation as a provider, provider announcements and
 * directory, DNS registration. Services start in order and stop in reverse; each reports a
 * {@link dev.icon.node.daemon.ServiceState} and its part of {@code /status}.
 */
package dev.icon.node.daemon;
