/**
 * Text encodings of binary identifiers: {@link dev.icon.overlay.multibase.Base58} (bitcoin
 * alphabet, legacy peer ids), {@link dev.icon.overlay.multibase.Base32} (RFC 4648 lowercase without
 * padding, CIDs) and {@link dev.icon.overlay.multibase.Multibase} for prefixed strings.
 */
package dev.icon.overlay.multibase;
