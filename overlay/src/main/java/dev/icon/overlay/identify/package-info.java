/** Identify and identify push ({@code /ipfs/id/1.0.0}, {@code /ipfs/id/push/1.0.0}): framing, the reading handler and key verification. */
package dev.icon.overlay.identify;
