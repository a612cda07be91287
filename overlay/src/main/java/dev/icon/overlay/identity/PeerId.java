package dev.icon.overlay.identity;

import dev.icon.overlay.multibase.Base58;
import dev.icon.overlay.multibase.Multibase;
import dev.icon.overlay.multibase.MultibaseException;
import dev.icon.overlay.varint.Uvarint;
import dev.icon.overlay.varint.VarintException;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A libp2p peer id: the multihash of the peer's encoded public key, "identity" (the key inlined)
 * when the encoding is at most {@value #MAX_INLINE_KEY_LENGTH} bytes, else sha2-256.
 *
 * <p>Immutable and thread-safe; equality and ordering are on the multihash bytes. Text forms: the
 * legacy base58btc multihash (the default, {@code 12D3KooW...}, {@code Qm...}) and the CIDv1 form
 * (multicodec libp2p-key, base32, {@code bafz...}); {@link #parse} accepts both.
 */
public final class PeerId implements Comparable<PeerId> {

  /** Encoded keys up to this many bytes are inlined with the identity multihash. */
  public static final int MAX_INLINE_KEY_LENGTH = 42;

  static final int IDENTITY = 0x00;
  static final int SHA2_256 = 0x12;
  private static final int CID_VERSION = 1;
  private static final int LIBP2P_KEY = 0x72;

  private final byte[] multihash;
  /** Cached text form: ids are printed and used as map keys and meter tags on hot paths. */
  private volatile String base58;

  private PeerId(byte[] multihash) {
    this.multihash = multihash;
  }

  /** Derives the peer id of a public key. */
  public static PeerId fromPublicKey(PublicKey key) {
    byte[] encoded = key.toProtobuf();
    if (encoded.length <= MAX_INLINE_KEY_LENGTH) {
      return new PeerId(multihash(IDENTITY, encoded));
    }
    try {
      return new PeerId(multihash(SHA2_256, MessageDigest.getInstance("SHA-256").digest(encoded)));
    } catch (NoSuchAlgorithmException e) {
      throw new IdentityException(IdentityError.CRYPTO_FAILURE, "JDK lacks SHA-256", e);
    }
  }

  /**
   * Wraps multihash bytes: identity (at most {@value #MAX_INLINE_KEY_LENGTH} bytes) or sha2-256.
   *
   * @throws IdentityException ({@link IdentityError#MALFORMED_PEER_ID}) otherwise
   */
  public static PeerId fromBytes(byte[] bytes) {
    try {
      Uvarint.Decoded code = Uvarint.decode(bytes, 0);
      Uvarint.Decoded length = Uvarint.decode(bytes, code.length());
      int digestStart = code.length() + length.length();
      long digestLength = bytes.length - digestStart;
      if (length.value() != digestLength) {
        throw malformed("multihash declares " + length.value() + " digest bytes but carries "
            + digestLength);
      }
      if (code.value() == IDENTITY && digestLength > MAX_INLINE_KEY_LENGTH) {
        throw malformed("identity multihash longer than " + MAX_INLINE_KEY_LENGTH + " bytes");
      }
      if (code.value() == SHA2_256 && digestLength != 32) {
        throw malformed("sha2-256 multihash must carry 32 bytes, got " + digestLength);
      }
      if (code.value() != IDENTITY && code.value() != SHA2_256) {
        throw malformed("unsupported multihash code 0x" + Long.toHexString(code.value()));
      }
      return new PeerId(bytes.clone());
    } catch (VarintException e) {
      throw new IdentityException(
          IdentityError.MALFORMED_PEER_ID, "bad multihash varint: " + e.getMessage(), e);
    }
  }

  /**
   * Parses a base58btc multihash ({@code 1...}, {@code Qm...}) or a multibase CIDv1 with the
   * libp2p-key codec.
   *
   * @throws IdentityException ({@link IdentityError#MALFORMED_PEER_ID}) on anything else
   */
  public static PeerId parse(String text) {
    try {
      if (text.startsWith("1") || text.startsWith("Qm")) {
        return fromBytes(Base58.decode(text));
      }
      return fromCid(Multibase.decode(text));
    } catch (MultibaseException e) {
      throw new IdentityException(
          IdentityError.MALFORMED_PEER_ID, "bad peer id text: " + e.getMessage(), e);
    }
  }

  private static PeerId fromCid(byte[] cid) {
    try {
      Uvarint.Decoded version = Uvarint.decode(cid, 0);
      if (version.value() != CID_VERSION) {
        throw malformed("CID version " + version.value() + ", expected 1");
      }
      Uvarint.Decoded codec = Uvarint.decode(cid, version.length());
      if (codec.value() != LIBP2P_KEY) {
        throw malformed("CID codec 0x" + Long.toHexString(codec.value()) + " is not libp2p-key");
      }
      return fromBytes(Arrays.copyOfRange(cid, version.length() + codec.length(), cid.length));
    } catch (VarintException e) {
      throw new IdentityException(
          IdentityError.MALFORMED_PEER_ID, "bad CID varint: " + e.getMessage(), e);
    }
  }

  /** The multihash bytes (a copy). */
  public byte[] toBytes() {
    return multihash.clone();
  }

  /** The legacy, default text form: base58btc of the multihash. */
  public String toBase58() {
    String text = base58;
    if (text == null) {
      text = Base58.encode(multihash); // a racing thread computes the same string
      base58 = text;
    }
    return text;
  }

  /** The CIDv1 text form: 'b' + base32(0x01 0x72 multihash). */
  public String toCid() {
    byte[] cid = new byte[2 + multihash.length];
    cid[0] = CID_VERSION;
    cid[1] = LIBP2P_KEY;
    System.arraycopy(multihash, 0, cid, 2, multihash.length);
    return Multibase.encodeBase32(cid);
  }

  /**
   * The public key inlined in an identity-multihash id (Ed25519, secp256k1); empty for sha2-256
   * ids, whose key must come from elsewhere (e.g. the handshake).
   *
   * @throws IdentityException if the inlined bytes are not a valid key
   */
  public Optional<PublicKey> extractPublicKey() {
    if (multihash[0] != IDENTITY) {
      return Optional.empty();
    }
    int lengthBytes = Uvarint.decode(multihash, 1).length();
    return Optional.of(
        PublicKey.fromProtobuf(Arrays.copyOfRange(multihash, 1 + lengthBytes, multihash.length)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PeerId other && Arrays.equals(multihash, other.multihash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(multihash);
  }

  /** Unsigned lexicographic order of the multihash bytes. */
  @Override
  public int compareTo(PeerId other) {
    return Arrays.compareUnsigned(multihash, other.multihash);
  }

  /** The base58btc form. */
  @Override
  public String toString() {
    return toBase58();
  }

  private static byte[] multihash(int code, byte[] digest) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(digest.length + 2);
    out.writeBytes(Uvarint.encode(code));
    out.writeBytes(Uvarint.encode(digest.length));
    out.writeBytes(digest);
    return out.toByteArray();
  }

  private static IdentityException malformed(String message) {
    return new IdentityException(IdentityError.MALFORMED_PEER_ID, message);
  }
}
