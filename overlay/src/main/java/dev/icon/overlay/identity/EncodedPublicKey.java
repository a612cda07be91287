package dev.icon.overlay.identity;

import dev.icon.proto.libp2p.crypto.KeyType;
import java.util.Arrays;

/** Base of the public key types: holds the type and normalized Data; equality on both. */
abstract class EncodedPublicKey implements PublicKey {

  private final KeyType type;
  private final byte[] raw;

  EncodedPublicKey(KeyType type, byte[] raw) {
    this.type = type;
    this.raw = raw.clone();
  }

  @Override
  public final KeyType type() {
    return type;
  }

  @Override
  public final byte[] raw() {
    return raw.clone();
  }

  @Override
  public final boolean equals(Object o) {
    return o instanceof EncodedPublicKey other && type == other.type && Arrays.equals(raw, other.raw);
  }

  @Override
  public final int hashCode() {
    return type.hashCode() * 31 + Arrays.hashCode(raw);
  }

  @Override
  public final String toString() {
    return type + "PublicKey[" + peerId() + "]";
  }
}
