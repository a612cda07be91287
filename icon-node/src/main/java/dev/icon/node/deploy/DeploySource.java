package dev.icon.node.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The bytes a {@link DeploySender} transfers: their size, their sha256 and a way to read them
 * from an offset (again on every resume). Implementations must return the same bytes each time.
 * Threading: {@link #open} is called on the sender's executor, once per attempt.
 */
public interface DeploySource {

  /** Size in bytes. */
  long size();

  /** SHA-256 of all bytes (32 bytes; a copy). */
  byte[] sha256();

  /** A stream positioned at {@code offset}; the caller closes it. */
  InputStream open(long offset) throws IOException;

  /**
   * A file, hashed now (blocking: reads the whole file once). The file must not change until the
   * transfer ends; the receiver refuses it otherwise ({@link DeployError#TOTAL_HASH_MISMATCH}).
   */
  static DeploySource ofFile(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    long size = Files.size(file);
    MessageDigest digest = Sha256.digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    byte[] hash = digest.digest();
    return new DeploySource() {
      @Override
      public long size() {
        return size;
      }

      @Override
      public byte[] sha256() {
        return hash.clone();
      }

      @Override
      public InputStream open(long offset) throws IOException {
        var channel = Files.newByteChannel(file);
        channel.position(offset);
        return java.nio.channels.Channels.newInputStream(channel);
      }

      @Override
      public String toString() {
        return file.toString();
      }
    };
  }

  /**
   * Bytes from {@code streams} (a fresh stream from the start on each call), announced as {@code
   * size} bytes with hash {@code sha256}. A resume skips the verified prefix.
   */
  static DeploySource of(long size, byte[] sha256, Supplier<InputStream> streams) {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
    if (sha256.length != DeployProtocol.SHA256_BYTES) {
      throw new IllegalArgumentException("sha256 must have 32 bytes: " + sha256.length);
    }
    byte[] hash = sha256.clone();
    Objects.requireNonNull(streams, "streams");
    return new DeploySource() {
      @Override
      public long size() {
        return size;
      }

      @Override
      public byte[] sha256() {
        return hash.clone();
      }

      @Override
      public InputStream open(long offset) throws IOException {
        InputStream in = streams.get();
        in.skipNBytes(offset);
        return in;
      }
    };
  }
}
