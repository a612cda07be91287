/**
 * Sharing topology maps over gossip (issue 6): {@link dev.icon.tomography.share.TopologySharing}
 * binds a {@link dev.icon.tomography.map.TopologyMap} to the topic {@code /icon/topology/1},
 * publishing our own observations as protobuf {@code icon.topology.v1.TopologyDelta}s ({@link
 * dev.icon.tomography.share.TopologyDeltaCodec}, within {@link
 * dev.icon.tomography.share.DeltaLimits}; what changed since the last publish from {@link
 * dev.icon.tomography.share.DeltaTracker}, plus a chunked periodic full-state resend for late
 * joiners) and merging what others publish after {@link dev.icon.tomography.share.DeltaReceiver}
 * checked it: forged observers, oversized or malformed deltas, bad node ids ({@link
 * dev.icon.tomography.share.NodeIds}) and future dates are rejected, stale ones ignored, each
 * counted by {@link dev.icon.tomography.share.TopologyShareError}.
 */
package dev.icon.tomography.share;
