package dev.icon.overlay.kad;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.overlay.identity.IdentityException;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PublicKey;
import dev.icon.proto.libp2p.kad.IconRecord;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The {@code /icon/} namespace: records signed by the peer that owns them (layout and signed bytes
 * in {@link IconRecords}). A record is valid when its key is {@code /icon/<peer id>/<name>}, its
 * value an {@link IconRecord} whose public key derives that peer id, whose signature verifies, and
 * whose expiry is in the future. {@link #select} prefers the highest sequence, then the latest
 * expiry, then the lowest index. Thread-safe; time comes from the injected {@link Clock}.
 */
public final class IconRecordValidator implements RecordValidator {

  /** The namespace, without slashes. */
  public static final String NAMESPACE = "icon";

  private static final String PREFIX = "/" + NAMESPACE + "/";

  private final Clock clock;

  /** A validator judging expiry by {@code clock}. */
  public IconRecordValidator(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void validate(byte[] key, byte[] value) {
    PeerId owner = owner(key);
    IconRecord record = parse(value);
    PublicKey publicKey;
    try {
      publicKey = PublicKey.fromProtobuf(record.getPublicKey().toByteArray());
    } catch (IdentityException e) {
      throw new KadException(KadError.MALFORMED_RECORD, "bad public key: " + e.getMessage());
    }
    if (!publicKey.peerId().equals(owner)) {
      throw new KadException(KadError.KEY_MISMATCH,
          "record signed by " + publicKey.peerId() + " under the key of " + owner);
    }
    byte[] signed = IconRecords.signingBytes(key, record.getValue().toByteArray(),
        record.getSequence(), record.getExpiresAtMillis());
    if (!publicKey.verify(signed, record.getSignature().toByteArray())) {
      throw new KadException(KadError.BAD_SIGNATURE, "record signature does not verify");
    }
    if (Long.compareUnsigned(record.getExpiresAtMillis(), clock.millis()) <= 0) {
      throw new KadException(KadError.EXPIRED_RECORD,
          "record expired at " + Long.toUnsignedString(record.getExpiresAtMillis()) + " ms");
    }
  }

  @Override
  public int select(byte[] key, List<byte[]> values) {
    int best = 0;
    IconRecord bestRecord = parse(values.get(0));
    for (int i = 1; i < values.size(); i++) {
      IconRecord candidate = parse(values.get(i));
      int bySequence = Long.compareUnsigned(candidate.getSequence(), bestRecord.getSequence());
      int byExpiry =
          Long.compareUnsigned(candidate.getExpiresAtMillis(), bestRecord.getExpiresAtMillis());
      if (bySequence > 0 || (bySequence == 0 && byExpiry > 0)) {
        best = i;
        bestRecord = candidate;
      }
    }
    return best;
  }

  /**
   * The owner named in an {@code /icon/<peer id>/<name>} key.
   *
   * @throws KadException ({@link KadError#MALFORMED_KEY}) if the key does not have that layout
   */
  public static PeerId owner(byte[] key) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(key))
          .toString();
    } catch (CharacterCodingException e) {
      throw new KadException(KadError.MALFORMED_KEY, "/icon/ key is not UTF-8");
    }
    if (!text.startsWith(PREFIX)) {
      throw new KadException(KadError.MALFORMED_KEY, "not an /icon/ key");
    }
    int slash = text.indexOf('/', PREFIX.length());
    if (slash < 0) {
      throw new KadException(KadError.MALFORMED_KEY, "/icon/ key lacks /<name> after the peer id");
    }
    IconRecords.checkName(text.substring(slash + 1));
    try {
      return PeerId.parse(text.substring(PREFIX.length(), slash));
    } catch (IdentityException e) {
      throw new KadException(KadError.MALFORMED_KEY, "bad peer id in /icon/ key: " + e.getMessage());
    }
  }

  private static IconRecord parse(byte[] value) {
    try {
      return IconRecord.parseFrom(value);
    } catch (InvalidProtocolBufferException e) {
      throw new KadException(KadError.MALFORMED_RECORD, "undecodable IconRecord: " + e.getMessage());
    }
  }
}
