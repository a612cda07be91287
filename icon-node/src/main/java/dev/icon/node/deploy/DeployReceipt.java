package dev.icon.node.deploy;

import dev.icon.overlay.identity.PeerId;
import java.time.Duration;
import java.util.List;

/**
 * What a sender gets when the receiver accepted an artifact.
 *
 * @param peer the receiver
 * @param agreementId the agreement
 * @param kind image or state
 * @param size the artifact's size in bytes
 * @param sha256 its hash, lower-case hex
 * @param bytesSent chunk data bytes handed to streams over all attempts (more than {@code size}
 *     only when a dropped stream lost unverified chunks)
 * @param attempts streams opened
 * @param resumedFrom the receiver's verified offset at the start of each attempt
 * @param elapsed from the call to the verdict
 */
public record DeployReceipt(PeerId peer, String agreementId, DeployKind kind, long size,
    String sha256, long bytesSent, int attempts, List<Long> resumedFrom, Duration elapsed) {

  public DeployReceipt {
    resumedFrom = List.copyOf(resumedFrom);
  }
}
