package dev.icon.market.auction;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The digest a commit seals: SHA-256 of {@code "icon-market-commit/1:"}, then the market id, the
 * round, the author's peer id, the encoded offer and the nonce, each variable part preceded by
 * its length as a 4-byte big-endian integer and the round as 8 bytes big-endian. Binding market,
 * round and author means a commit (or its reveal) cannot be replayed elsewhere. Stateless and
 * thread-safe.
 */
public final class CommitDigest {
  /** Domain-separation prefix. */
  static final byte[] PREFIX = "icon-market-commit/1:".getBytes(StandardCharsets.US_ASCII);
  /** Shortest nonce accepted. */
  public static final int MIN_NONCE = 16;
  /** Longest nonce accepted. */
  public static final int MAX_NONCE = 64;
  /** Digest length. */
  public static final int LENGTH = 32;

  private CommitDigest() {}

  /** The commit digest of {@code offer} (encoded) with {@code nonce}. */
  public static ByteString of(String market, long round, PeerId author, byte[] offer,
      byte[] nonce) {
    MessageDigest sha = sha256();
    sha.update(PREFIX);
    lengthPrefixed(sha, market.getBytes(StandardCharsets.UTF_8));
    sha.update(ByteBuffer.allocate(8).putLong(round).array());
    lengthPrefixed(sha, author.toBytes());
    lengthPrefixed(sha, offer);
    lengthPrefixed(sha, nonce);
    return ByteString.copyFrom(sha.digest());
  }

  /** SHA-256 of {@code bytes}. */
  public static ByteString sha256(byte[] bytes) {
    return ByteString.copyFrom(sha256().digest(bytes));
  }

  private static void lengthPrefixed(MessageDigest sha, byte[] part) {
    sha.update(ByteBuffer.allocate(4).putInt(part.length).array());
    sha.update(part);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
