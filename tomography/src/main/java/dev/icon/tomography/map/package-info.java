/**
 * Topology maps: {@link dev.icon.tomography.map.TopologyMap}, a bounded, ageing graph of addresses
 * and edges with RTT statistics, last-seen time and observer, whose merge keeps the newer version
 * of each edge (commutative and idempotent below the size bound); {@link
 * dev.icon.tomography.map.TraceEdges} feeds it from discovery reports; {@link
 * dev.icon.tomography.map.RttEstimator} estimates RTTs over it; a {@link
 * dev.icon.tomography.map.MapListener} is told of every edge version stored (how {@code
 * dev.icon.tomography.share} finds what to publish on gossip).
 */
package dev.icon.tomography.map;
