package dev.icon.node.deploy;

import dev.icon.overlay.identity.PeerId;

/**
 * Something that happened to one transfer, on either side.
 *
 * @param type what happened
 * @param peer the other side
 * @param agreementId the agreement
 * @param kind image or state
 * @param bytes verified bytes (receiver) or bytes handed to the stream in all attempts (sender)
 * @param total the artifact's size
 * @param error set for {@link Type#REFUSED}, {@link Type#EXPIRED}, {@link Type#RETRYING} and
 *     {@link Type#FAILED}
 * @param detail a human-readable reason or path, possibly empty
 */
public record DeployEvent(Type type, PeerId peer, String agreementId, DeployKind kind, long bytes,
    long total, DeployError error, String detail) {

  /** Event types. */
  public enum Type {
    /** Receiver: an offer was admitted; {@code bytes} is where the sender resumes. */
    OFFERED,
    /**
     * Receiver: a chunk was verified and stored ({@code bytes} verified so far). Sender: a chunk
     * was handed to the stream ({@code bytes} sent so far, over all attempts).
     */
    PROGRESS,
    /** Receiver: complete and verified, moved into place ({@code detail} is the path). */
    COMPLETED,
    /** Receiver: the transfer was refused or abandoned; partial data is deleted. */
    REFUSED,
    /** Receiver: a stale partial transfer was deleted by the janitor. */
    EXPIRED,
    /** Sender: an attempt (stream) starts; {@code bytes} counts data sent so far. */
    ATTEMPT,
    /** Sender: an attempt failed and another follows after a backoff. */
    RETRYING,
    /** Sender: the receiver accepted the artifact. */
    SENT,
    /** Sender: the transfer failed for good. */
    FAILED
  }
}
