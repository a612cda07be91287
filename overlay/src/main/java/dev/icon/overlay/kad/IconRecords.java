package dev.icon.overlay.kad;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.libp2p.kad.IconRecord;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * Builds and signs {@code /icon/} records. Key layout: the UTF-8 text {@code /icon/<base58 peer
 * id>/<name>}, where the peer id is the owner's and {@code name} is 1..{@value #MAX_NAME_LENGTH}
 * bytes of UTF-8 without control characters ({@code /} allowed). Value: an {@link IconRecord}
 * protobuf signed by the owner over {@link #signingBytes}. Stateless and thread-safe.
 */
public final class IconRecords {

  /** Longest name, in UTF-8 bytes. */
  public static final int MAX_NAME_LENGTH = 256;

  /** Domain-separation prefix of the signed bytes, so no other ICON signature can pass as one. */
  static final byte[] SIGNING_PREFIX =
      "icon-dht-record/1:".getBytes(StandardCharsets.US_ASCII);

  private IconRecords() {}

  /**
   * The DHT key {@code /icon/<owner>/<name>} as bytes.
   *
   * @throws KadException ({@link KadError#MALFORMED_KEY}) if the name is not allowed
   */
  public static byte[] key(PeerId owner, String name) {
    checkName(name);
    return ("/" + IconRecordValidator.NAMESPACE + "/" + owner.toBase58() + "/" + name)
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A signed record value for {@code /icon/<owner of key>/<name>}: encoded {@link IconRecord}.
   * Higher {@code sequence} wins over lower for the same key; the record is invalid after {@code
   * expiresAt}.
   */
  public static byte[] sign(
      PrivateKey owner, String name, byte[] value, long sequence, Instant expiresAt) {
    Objects.requireNonNull(value, "value");
    byte[] key = key(owner.publicKey().peerId(), name);
    long expiry = expiresAt.toEpochMilli();
    return IconRecord.newBuilder()
        .setPublicKey(ByteString.copyFrom(owner.publicKey().toProtobuf()))
        .setValue(ByteString.copyFrom(value))
        .setSequence(sequence)
        .setExpiresAtMillis(expiry)
        .setSignature(ByteString.copyFrom(
            owner.sign(signingBytes(key, value, sequence, expiry))))
        .build()
        .toByteArray();
  }

  /**
   * The bytes the owner signs: {@code "icon-dht-record/1:"}, then the DHT key and the value each
   * as a 4-byte big-endian length and the bytes, then sequence and expiry (milliseconds) as 8-byte
   * big-endian unsigned integers. Binding the whole key binds owner and name.
   */
  static byte[] signingBytes(byte[] key, byte[] value, long sequence, long expiresAtMillis) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(SIGNING_PREFIX.length + key.length + value.length + 24);
    out.writeBytes(SIGNING_PREFIX);
    out.writeBytes(ByteBuffer.allocate(4).putInt(key.length).array());
    out.writeBytes(key);
    out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
    out.writeBytes(value);
    out.writeBytes(ByteBuffer.allocate(16).putLong(sequence).putLong(expiresAtMillis).array());
    return out.toByteArray();
  }

  static void checkName(String name) {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    if (utf8.length == 0 || utf8.length > MAX_NAME_LENGTH) {
      throw new KadException(KadError.MALFORMED_KEY,
          "record name must have 1.." + MAX_NAME_LENGTH + " UTF-8 bytes, has " + utf8.length);
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      throw new KadException(KadError.MALFORMED_KEY, "record name contains control characters");
    }
  }
}
