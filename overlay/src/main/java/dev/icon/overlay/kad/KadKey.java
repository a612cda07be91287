package dev.icon.overlay.kad;

import dev.icon.overlay.identity.PeerId;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * A point in the Kademlia key space: the SHA-256 of a key's bytes (for a peer, of its binary peer
 * id, i.e. the multihash), as the kad-dht spec defines distance: {@code XOR(sha256(k1),
 * sha256(k2))}. Distances compare as unsigned 256-bit big-endian integers.
 *
 * <p>Immutable and thread-safe; equality is on the 32 digest bytes.
 */
public final class KadKey {

  /** Bytes in a key (SHA-256). */
  public static final int LENGTH = 32;

  /** Bits in a key; also the common prefix length of a key with itself. */
  public static final int BITS = LENGTH * 8;

  private final byte[] digest;

  private KadKey(byte[] digest) {
    this.digest = digest;
  }

  /** The key-space point of arbitrary key bytes: {@code sha256(key)}. */
  public static KadKey of(byte[] key) {
    try {
      return new KadKey(MessageDigest.getInstance("SHA-256").digest(key));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks SHA-256", e);
    }
  }

  /** The key-space point of a peer: {@code sha256(peerId multihash bytes)}. */
  public static KadKey of(PeerId peer) {
    return of(peer.toBytes());
  }

  /**
   * Wraps an already-hashed 32-byte point (e.g. a random refresh target).
   *
   * @throws IllegalArgumentException if {@code digest} is not {@value #LENGTH} bytes
   */
  public static KadKey fromDigest(byte[] digest) {
    if (digest.length != LENGTH) {
      throw new IllegalArgumentException("a KadKey digest has 32 bytes, got " + digest.length);
    }
    return new KadKey(digest.clone());
  }

  /** A uniformly random point. */
  public static KadKey random(RandomGenerator random) {
    byte[] bytes = new byte[LENGTH];
    random.nextBytes(bytes);
    return new KadKey(bytes);
  }

  /** The 32 digest bytes (a copy). */
  public byte[] toBytes() {
    return digest.clone();
  }

  /** {@code this XOR other}, big-endian (a new array). */
  public byte[] distance(KadKey other) {
    byte[] out = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      out[i] = (byte) (digest[i] ^ other.digest[i]);
    }
    return out;
  }

  /** Number of leading bits {@code this} and {@code other} share: 0..{@value #BITS}. */
  public int commonPrefixLength(KadKey other) {
    for (int i = 0; i < LENGTH; i++) {
      int x = (digest[i] ^ other.digest[i]) & 0xff;
      if (x != 0) {
        return i * 8 + Integer.numberOfLeadingZeros(x) - 24;
      }
    }
    return BITS;
  }

  /**
   * Compares the distances of {@code a} and {@code b} to {@code this}: negative if {@code a} is
   * closer, zero if equally far (only when {@code a} equals {@code b}), positive otherwise.
   */
  public int compareDistance(KadKey a, KadKey b) {
    for (int i = 0; i < LENGTH; i++) {
      int da = (a.digest[i] ^ digest[i]) & 0xff;
      int db = (b.digest[i] ^ digest[i]) & 0xff;
      if (da != db) {
        return Integer.compare(da, db);
      }
    }
    return 0;
  }

  /** Orders keys from closest to farthest from {@code this}. */
  public Comparator<KadKey> byDistance() {
    return this::compareDistance;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KadKey other && Arrays.equals(digest, other.digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest);
  }

  /** Lower-case hex of the digest. */
  @Override
  public String toString() {
    return HexFormat.of().formatHex(digest);
  }
}
