package dev.icon.overlay.identity;

import com.google.protobuf.ByteString;
import dev.icon.proto.libp2p.crypto.KeyType;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * An Ed25519 private key: the 32-byte seed plus its public key. Signs with the JDK's Ed25519. The
 * public key is derived with BouncyCastle, since the JDK has no API for deriving it from a seed.
 */
final class Ed25519PrivateKey implements PrivateKey {

  private static final int SEED_LENGTH = 32;

  private final byte[] seed;
  private final Ed25519PublicKey publicKey;
  private final java.security.PrivateKey jdkKey;

  private Ed25519PrivateKey(byte[] seed) {
    this.seed = seed.clone();
    this.publicKey = Ed25519PublicKey.fromRaw(
        new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded());
    try {
      this.jdkKey = KeyFactory.getInstance("Ed25519")
          .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    } catch (GeneralSecurityException e) {
      throw new IdentityException(IdentityError.CRYPTO_FAILURE, "JDK rejected Ed25519 key", e);
    }
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
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(jdkKey);
      signer.update(data);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IdentityException(IdentityError.CRYPTO_FAILURE, "Ed25519 signing failed", e);
    }
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
