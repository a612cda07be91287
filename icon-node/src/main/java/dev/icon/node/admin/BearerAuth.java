package dev.icon.node.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Checks {@code Authorization: Bearer <token>} headers. With no token configured every request
 * passes (the server is then bound to loopback only). The comparison is constant-time ({@link
 * MessageDigest#isEqual}) over SHA-256 digests, so neither content nor length leaks through
 * timing. Immutable and thread-safe.
 */
public final class BearerAuth {

  private static final String PREFIX = "Bearer ";

  private final Optional<byte[]> expected;

  /** Requires {@code token} when present. */
  public BearerAuth(Optional<String> token) {
    this.expected = token.map(BearerAuth::digest);
  }

  /** Whether a request with this {@code Authorization} header value (null if absent) may pass. */
  public boolean allows(String authorization) {
    if (expected.isEmpty()) {
      return true;
    }
    if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0,
        PREFIX.length())) {
      return false;
    }
    byte[] given = digest(authorization.substring(PREFIX.length()).trim());
    return MessageDigest.isEqual(expected.get(), given);
  }

  private static byte[] digest(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
