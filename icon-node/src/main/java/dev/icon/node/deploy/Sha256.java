package dev.icon.node.deploy;

import com.google.protobuf.ByteString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers of the deploy protocol. Stateless and thread-safe. */
final class Sha256 {

  private Sha256() {}

  /** A new digest (SHA-256 is in every JDK). */
  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JDK", e);
    }
  }

  /** The hash of {@code data}. */
  static byte[] of(ByteString data) {
    MessageDigest d = digest();
    data.asReadOnlyByteBufferList().forEach(d::update);
    return d.digest();
  }

  /** The hash of {@code data}. */
  static byte[] of(byte[] data, int offset, int length) {
    MessageDigest d = digest();
    d.update(data, offset, length);
    return d.digest();
  }

  /** Constant-time comparison of a hash with a received one. */
  static boolean equals(byte[] hash, ByteString received) {
    return MessageDigest.isEqual(hash, received.toByteArray());
  }

  /** Lower-case hex. */
  static String hex(byte[] hash) {
    return HexFormat.of().formatHex(hash);
  }
}
