package dev.icon.market.auction;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import java.util.Objects;

/**
 * An offer whose reveal matched its commit: it takes part in the clearing.
 *
 * @param qualifiedId {@code <author base58>/<offer id>}, unique in its round
 * @param offerDigest SHA-256 of the encoded offer as revealed
 */
public record RevealedOffer(String qualifiedId, PeerId author, MarketOffer offer,
    ByteString offerDigest) {

  /** Rejects nulls. */
  public RevealedOffer {
    Objects.requireNonNull(qualifiedId, "qualifiedId");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(offerDigest, "offerDigest");
  }

  /** The id of {@code offerId} by {@code author} in a clearing. */
  public static String qualify(PeerId author, String offerId) {
    return author.toBase58() + "/" + offerId;
  }
}
