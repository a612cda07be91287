/**
 * The provider yard's artifact transfer, {@code /icon/deploy/1.0.0}: a {@link
 * dev.icon.node.deploy.DeploySender} sends an ICON's image or state to a provider's {@link
 * dev.icon.node.deploy.DeployReceiver} under an agreement, in chunks each carrying its sha256,
 * checked as a whole at the end, and resumed from the receiver's verified offset after a dropped
 * connection.
 *
 * <p>Roles: {@link dev.icon.node.deploy.DeployCodec} frames (stateless), {@code ReceiverSession}
 * and {@code SendAttempt} are the per-stream state machines, {@code StagingArea} holds partial
 * files and quotas, {@link dev.icon.node.deploy.AdmissionCheck} is the seam to agreements,
 * {@link dev.icon.node.deploy.DeployConfig} the immutable settings.
 */
package dev.icon.node.deploy;
