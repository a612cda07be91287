package dev.icon.node.cli.peer;

import dev.icon.overlay.identity.IdentityException;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multibase.Base32;
import dev.icon.overlay.multibase.Base58;
import dev.icon.overlay.multibase.MultibaseException;
import dev.icon.overlay.varint.Uvarint;
import dev.icon.overlay.varint.VarintException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * How {@code icon peer} (and the js peer, {@code lib/dht.mjs}) turn DHT key text into key bytes.
 * Record keys: {@code /icon/<peer id>/<name>} is its UTF-8 text; {@code /pk/<peer id>} is {@code
 * "/pk/"} followed by the peer id's multihash. Provider keys (the wire carries a multihash, which
 * js-libp2p decodes as a CID): a CIDv0 ({@code Qm...}) or a CIDv1 in base32 ({@code b...}) stands
 * for its multihash; any other text for the sha2-256 multihash of its UTF-8 bytes. Stateless.
 */
final class DhtKeys {

  /** Multihash code and digest length of sha2-256. */
  private static final int SHA2_256 = 0x12;
  private static final int SHA2_256_LENGTH = 32;
  private static final String ICON_PREFIX = "/icon/";
  private static final String PK_PREFIX = "/pk/";
  private static final Pattern CID_V0 = Pattern.compile("Qm[1-9A-HJ-NP-Za-km-z]{44}");
  private static final Pattern CID_V1_BASE32 = Pattern.compile("b[a-z2-7]+");
  private static final Pattern RECORD_KEY = Pattern.compile("/(icon/[^/]+/.+|pk/[^/]+)");

  private DhtKeys() {}

  /** Whether {@code text} has the layout of a record key ({@code /icon/..} or {@code /pk/..}). */
  static boolean isRecordKey(String text) {
    return RECORD_KEY.matcher(text).matches();
  }

  /**
   * The bytes of record key {@code text}.
   *
   * @throws IllegalArgumentException if it is neither {@code /icon/<peer>/<name>} nor {@code
   *     /pk/<peer id>}, or the peer id does not parse
   */
  static byte[] recordKey(String text) {
    if (!isRecordKey(text)) {
      throw new IllegalArgumentException(
          "record keys are /icon/<peer id>/<name> or /pk/<peer id>: " + text);
    }
    if (text.startsWith(PK_PREFIX)) {
      byte[] id = parsePeer(text.substring(PK_PREFIX.length())).toBytes();
      byte[] key = Arrays.copyOf(PK_PREFIX.getBytes(StandardCharsets.US_ASCII), 4 + id.length);
      System.arraycopy(id, 0, key, 4, id.length);
      return key;
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether {@code text} is a {@code /pk/} key (its value is a public key, not an IconRecord). */
  static boolean isPublicKeyKey(String text) {
    return text.startsWith(PK_PREFIX);
  }

  /**
   * The record name {@code --put} signs for {@code text}: a bare name, or the name in {@code
   * /icon/<self>/<name>}.
   *
   * @throws IllegalArgumentException for a key of another peer or namespace
   */
  static String putName(String text, PeerId self) {
    if (!text.startsWith("/")) {
      return text;
    }
    String own = ICON_PREFIX + self.toBase58() + "/";
    if (!text.startsWith(own) || text.length() == own.length()) {
      throw new IllegalArgumentException(
          "--put only signs our own records, /icon/" + self.toBase58() + "/<name>: " + text);
    }
    return text.substring(own.length());
  }

  /** The provider key (multihash bytes) for {@code text}; see the class comment. */
  static byte[] providerKey(String text) {
    if (CID_V0.matcher(text).matches()) {
      try {
        byte[] mh = Base58.decode(text);
        if (isMultihash(mh, 0)) {
          return mh;
        }
      } catch (MultibaseException e) {
        // not a CID after all: hashed below
      }
    }
    if (CID_V1_BASE32.matcher(text).matches()) {
      try {
        byte[] cid = Base32.decode(text.substring(1));
        Uvarint.Decoded version = Uvarint.decode(cid, 0);
        Uvarint.Decoded codec = Uvarint.decode(cid, version.length());
        int at = version.length() + codec.length();
        if (version.value() == 1 && isMultihash(cid, at)) {
          return Arrays.copyOfRange(cid, at, cid.length);
        }
      } catch (MultibaseException | VarintException e) {
        // not a CID after all: hashed below
      }
    }
    return sha256Multihash(text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code 0x12 0x20} followed by the sha2-256 of {@code data}. */
  static byte[] sha256Multihash(byte[] data) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
      byte[] mh = new byte[2 + SHA2_256_LENGTH];
      mh[0] = SHA2_256;
      mh[1] = SHA2_256_LENGTH;
      System.arraycopy(digest, 0, mh, 2, SHA2_256_LENGTH);
      return mh;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Whether {@code bytes} from {@code offset} to the end are exactly one multihash. */
  private static boolean isMultihash(byte[] bytes, int offset) {
    try {
      Uvarint.Decoded code = Uvarint.decode(bytes, offset);
      Uvarint.Decoded length = Uvarint.decode(bytes, offset + code.length());
      return offset + code.length() + length.length() + length.value() == bytes.length;
    } catch (VarintException e) {
      return false;
    }
  }

  private static PeerId parsePeer(String text) {
    try {
      return PeerId.parse(text);
    } catch (IdentityException e) {
      throw new IllegalArgumentException("bad peer id '" + text + "': " + e.getMessage(), e);
    }
  }
}
