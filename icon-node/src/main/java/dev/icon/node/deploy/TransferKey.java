package dev.icon.node.deploy;

import dev.icon.overlay.identity.PeerId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies one transfer on a receiver: who sends which kind of artifact under which agreement.
 * A second offer with the same key resumes (or replaces) the first.
 */
record TransferKey(PeerId peer, String agreementId, DeployKind kind) {

  /** Agreement ids become file names: a safe alphabet, no leading dot, bounded length. */
  static final Pattern AGREEMENT_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

  TransferKey {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(kind, "kind");
    if (!validAgreementId(agreementId)) {
      throw new IllegalArgumentException("agreementId must match " + AGREEMENT_ID + ": "
          + agreementId);
    }
  }

  /** Whether {@code id} can name an agreement (and a file). */
  static boolean validAgreementId(String id) {
    return id != null && AGREEMENT_ID.matcher(id).matches();
  }

  /** The partial file's name in the staging directory. */
  String stagingName() {
    return peer + "-" + agreementId + "." + kind.fileSuffix() + ".part";
  }

  /** The complete file's name in the store directory. */
  String storeName() {
    return agreementId + "." + kind.fileSuffix();
  }
}
