package dev.icon.market.clearing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;

/**
 * The report-independent part of the clearing: a salted SHA-256 of each id decides the id's half
 * of the split and its rank in the queue. Nothing an agent bids or asks moves it. Not thread-safe
 * (holds a digest); make one per clearing.
 */
final class Priority {

  /** An id's place: which half, and its rank inside the half (lower goes first). */
  record Key(String id, int half, long rank) {
    static final Comparator<Key> ORDER = Comparator.<Key>comparingLong(Key::rank)
        .thenComparing(Key::id);
  }

  private final byte[] salt;
  private final MessageDigest sha;

  Priority(byte[] salt) {
    this.salt = salt.clone();
    try {
      this.sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  Key key(String id) {
    sha.update(salt);
    sha.update((byte) 0);
    byte[] h = sha.digest(id.getBytes(StandardCharsets.UTF_8));
    long rank = 0;
    for (int i = 0; i < 8; i++) {
      rank = (rank << 8) | (h[i] & 0xff);
    }
    // Unsigned order as a signed long: flip the sign bit.
    return new Key(id, h[8] & 1, rank ^ Long.MIN_VALUE);
  }
}
