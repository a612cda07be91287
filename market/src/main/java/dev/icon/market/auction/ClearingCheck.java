package dev.icon.market.auction;

import dev.icon.overlay.identity.PeerId;
import java.util.Objects;

/** How another peer's clearing announcement compared with ours. */
public record ClearingCheck(long round, PeerId peer, Verdict verdict, String detail) {

  /** The comparison's outcome. */
  public enum Verdict {
    /** Same input digest, same result digest. */
    AGREES,
    /** Same input digest, another result (or two different announcements): the peer is wrong. */
    WRONG_RESULT,
    /** Another input digest: one of us saw other commits or reveals; no one is proven wrong. */
    DIFFERENT_INPUTS
  }

  /** Rejects nulls. */
  public ClearingCheck {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(detail, "detail");
  }
}
