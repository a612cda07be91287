/**
 * Unsigned varints as used by multiformats and libp2p framing (unsigned LEB128, minimally encoded,
 * at most 9 bytes / 63 bits, per the multiformats unsigned-varint spec).
 */
package dev.icon.overlay.varint;
