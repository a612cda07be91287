package dev.icon.tomography.share;

import java.util.Map;

/**
 * What a {@link TopologySharing} has done so far.
 *
 * @param published deltas handed to gossip and sent (change deltas and resend chunks)
 * @param publishFailures deltas gossip refused to send (e.g. no peers yet); changes are retried
 * @param received deltas accepted and merged
 * @param mergedEdges edges those deltas changed in the map
 * @param unshareable own edges never published because a node id is not shareable
 * @param refused refused deltas by reason, from validation and the merge queue
 */
public record SharingStats(long published, long publishFailures, long received, long mergedEdges,
    long unshareable, Map<TopologyShareError, Long> refused) {

  public SharingStats {
    refused = Map.copyOf(refused);
  }

  /** Refusals for {@code reason} (0 if none). */
  public long refused(TopologyShareError reason) {
    return refused.getOrDefault(reason, 0L);
  }
}
