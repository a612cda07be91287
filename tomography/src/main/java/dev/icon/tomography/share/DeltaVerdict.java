package dev.icon.tomography.share;

import dev.icon.gossip.api.ValidationResult;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of checking one received delta.
 *
 * @param result the gossip verdict
 * @param reason why it was not accepted ({@code null} when accepted)
 * @param detail a sentence naming the problem ({@code ""} when accepted)
 * @param frame what is left to merge: the delta without stale edges ({@code null} unless accepted)
 * @param merged how many edges changed the map ({@code 0} unless merged)
 */
public record DeltaVerdict(ValidationResult result, TopologyShareError reason, String detail,
    TopologyDeltaFrame frame, int merged) {

  public DeltaVerdict {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(detail, "detail");
  }

  static DeltaVerdict accept(TopologyDeltaFrame frame) {
    return new DeltaVerdict(ValidationResult.ACCEPT, null, "", frame, 0);
  }

  static DeltaVerdict fail(TopologyShareError reason, String detail) {
    return new DeltaVerdict(reason.verdict(), reason, detail, null, 0);
  }

  DeltaVerdict withMerged(int n) {
    return new DeltaVerdict(result, reason, detail, frame, n);
  }

  /** Whether the delta may be merged. */
  public boolean accepted() {
    return result == ValidationResult.ACCEPT;
  }

  /** Why not, if not. */
  public Optional<TopologyShareError> error() {
    return Optional.ofNullable(reason);
  }
}
