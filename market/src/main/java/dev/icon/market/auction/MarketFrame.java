package dev.icon.market.auction;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.icon.market.ClearingResult;
import dev.icon.proto.icon.market.ProviderAnnouncement;

/**
 * A decoded, signature-checked market message: which market, round and author it is bound to, and
 * its body. Immutable ({@link ByteString}s and protobuf messages are immutable).
 */
public sealed interface MarketFrame {

  /** The market id it was signed for. */
  String market();

  /** The round it was signed for. */
  long round();

  /** Its author, whose key signed it. */
  PeerId author();

  /** A commit: seals offer {@code offerId} under {@code digest}. */
  record Commit(String market, long round, PeerId author, String offerId, ByteString digest)
      implements MarketFrame {}

  /** A reveal: the encoded offer (as committed), the decoded offer and the nonce. */
  record Reveal(String market, long round, PeerId author, ByteString offerBytes, MarketOffer offer,
      ByteString nonce) implements MarketFrame {}

  /** A clearing announcement; {@code result} is {@code null} when only the digests were sent. */
  record Clearing(String market, long round, PeerId author, ByteString inputDigest,
      ByteString resultDigest, ClearingResult result) implements MarketFrame {}

  /** A provider announcement. */
  record Announcement(String market, long round, PeerId author, ProviderAnnouncement body)
      implements MarketFrame {}
}
