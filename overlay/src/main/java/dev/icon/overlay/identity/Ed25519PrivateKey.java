package dev.icon.overlay.identity;

import com.google.protobuf.ByteString;
import dev.icon.proto.libp2p.crypto.KeyType;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 private key: the 32-byte seed plus its public key. Signs with BouncyCastle's RFC 8032
 * arithmetic, several times faster than the JDK's Ed25519 (signing is on every connection's
 * handshake); the JDK also has no API for deriving the public key from a seed.
 */
final class Ed25519PrivateKey implements PrivateKey {

  private static final int SEED_LENGTH = 32;

  private final byte[] seed;
  private final Ed25519PublicKey publicKey;

  private Ed25519PrivateKey(byte[] seed) {
    this.seed = seed.clone();
    this.publicKey = Ed25519PublicKey.fromRaw(
        new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded());
  }

  static Ed25519PrivateKey generate(SecureRandom random) {
    byte[] seed = new byte[SEED_LENGTH];
    random.nextBytes(seed);
    return new Ed25519PrivateKey(seed);
  }

  /**
   * Decodes libp2p's Data: seed || public (64 bytes), or the older seed || public || public (96
   * bytes) when both public copies match. The public part must match the seed's.
   */
  static Ed25519PrivateKey fromData(byte[] data) {
    if (data.length != 64 && data.length != 96) {
      throw new IdentityException(IdentityError.MALFORMED_KEY,
          "Ed25519 private key Data must be 64 or 96 bytes, got " + data.length);
    }
    byte[] claimed = Arrays.copyOfRange(data, SEED_LENGTH, 64);
    if (data.length == 96 && !MessageDigest.isEqual(claimed, Arrays.copyOfRange(data, 64, 96))) {
      throw new IdentityException(IdentityError.INVALID_KEY,
          "96-byte Ed25519 private key carries two different public keys");
    }
    Ed25519PrivateKey key = new Ed25519PrivateKey(Arrays.copyOf(data, SEED_LENGTH));
    if (!MessageDigest.isEqual(claimed, key.publicKey.raw())) {
      throw new IdentityException(IdentityError.INVALID_KEY,
          "Ed25519 private key's public part does not match its seed");
    }
    return key;
  }

  @Override
  public byte[] sign(byte[] data) {
    byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(seed, 0, publicKey.raw(), 0, data, 0, data.length, signature, 0);
    return signature;
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public byte[] toProtobuf() {
    byte[] data = new byte[64];
    System.arraycopy(seed, 0, data, 0, SEED_LENGTH);
    System.arraycopy(publicKey.raw(), 0, data, SEED_LENGTH, 32);
    return dev.icon.proto.libp2p.crypto.PrivateKey.newBuilder()
        .setType(KeyType.Ed25519)
        .setData(ByteString.copyFrom(data))
        .build()
        .toByteArray();
  }

  @Override
  public String toString() {
    return "Ed25519PrivateKey[" + publicKey.peerId() + "]";
  }
}
