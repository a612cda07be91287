package dev.icon.node.deploy;

import dev.icon.proto.icon.deploy.Offer;

/** The receiver's structural checks of an offer, before admission and quotas. Stateless. */
final class OfferChecks {

  private OfferChecks() {}

  /**
   * Checks {@code offer} against {@code config}.
   *
   * @return the offered kind
   * @throws DeployException {@link DeployError#PROTOCOL_VIOLATION} or {@link
   *     DeployError#TOO_LARGE} naming the field at fault
   */
  static DeployKind check(Offer offer, DeployConfig config) {
    if (!TransferKey.validAgreementId(offer.getAgreementId())) {
      throw violation("agreement_id must be 1 to 64 characters [A-Za-z0-9._-] not starting with"
          + " a dot: '" + shorten(offer.getAgreementId()) + "'");
    }
    DeployKind kind = DeployKind.fromWire(offer.getKind());
    if (kind == null) {
      throw violation("kind must be IMAGE or STATE: " + offer.getKindValue());
    }
    if (offer.getSha256().size() != DeployProtocol.SHA256_BYTES) {
      throw violation("sha256 must have 32 bytes: " + offer.getSha256().size());
    }
    int chunk = offer.getChunkSize();
    if (chunk < config.minChunkSize() || chunk > config.maxChunkSize()) {
      throw violation("chunk_size must lie between " + config.minChunkSize() + " and "
          + config.maxChunkSize() + ": " + Integer.toUnsignedString(chunk));
    }
    long total = offer.getTotalSize();
    if (total < 0 || total > config.maxArtifactBytes()) {
      throw new DeployException(DeployError.TOO_LARGE, "total_size "
          + Long.toUnsignedString(total) + " exceeds the receiver's limit of "
          + config.maxArtifactBytes() + " bytes");
    }
    return kind;
  }

  private static DeployException violation(String message) {
    return new DeployException(DeployError.PROTOCOL_VIOLATION, message);
  }

  private static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
