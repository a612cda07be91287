package dev.icon.market.auction;

import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.icon.market.ExclusionReason;
import java.util.Objects;

/** A committed offer left out of its round's clearing, and why. */
public record OfferExclusion(long round, String qualifiedId, PeerId author,
    ExclusionReason reason) {

  /** Rejects nulls. */
  public OfferExclusion {
    Objects.requireNonNull(qualifiedId, "qualifiedId");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(reason, "reason");
  }
}
