package dev.icon.overlay.kad;

import java.util.random.RandomGenerator;

/**
 * Random lookup targets for bucket refresh. A FIND_NODE key is a binary peer id, so a refresh
 * target is a random sha2-256 multihash whose key-space point falls in the wanted bucket, found by
 * drawing until the common prefix length matches (about {@code 2^(cpl+1)} hashes; hence {@link
 * KadConfig#maxRefreshCpl()}). Stateless and thread-safe.
 */
public final class RefreshTargets {

  /** Highest cpl accepted: about 2^21 hashes on average, a fraction of a second. */
  public static final int MAX_CPL = 20;

  private static final int SHA2_256 = 0x12;

  private RefreshTargets() {}

  /**
   * Random peer-id-shaped key bytes whose {@link KadKey} shares exactly {@code cpl} leading bits
   * with {@code self}.
   *
   * @throws IllegalArgumentException if {@code cpl} is outside 0..{@value #MAX_CPL}
   */
  public static byte[] keyForBucket(KadKey self, int cpl, RandomGenerator random) {
    if (cpl < 0 || cpl > MAX_CPL) {
      throw new IllegalArgumentException("refresh cpl must be in 0.." + MAX_CPL + ": " + cpl);
    }
    byte[] key = new byte[2 + KadKey.LENGTH];
    key[0] = SHA2_256;
    key[1] = KadKey.LENGTH;
    byte[] digest = new byte[KadKey.LENGTH];
    while (true) {
      random.nextBytes(digest);
      System.arraycopy(digest, 0, key, 2, digest.length);
      if (KadKey.of(key).commonPrefixLength(self) == cpl) {
        return key.clone();
      }
    }
  }

}
