package dev.icon.gossip.wire;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.identity.PublicKey;
import dev.icon.proto.libp2p.crypto.KeyType;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/**
 * A P-256 ECDSA signing key for tests: its public key is too long to inline in a peer id, so it
 * exercises the message {@code key} field. Signs as libp2p does (SHA256withECDSA, DER signature).
 */
final class EcdsaTestKey implements PrivateKey {

  private final KeyPair pair;
  private final PublicKey publicKey;

  EcdsaTestKey(long seed) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      pair = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    publicKey = PublicKey.fromProtobuf(dev.icon.proto.libp2p.crypto.PublicKey.newBuilder()
        .setType(KeyType.ECDSA)
        .setData(ByteString.copyFrom(pair.getPublic().getEncoded()))
        .build()
        .toByteArray());
  }

  @Override
  public byte[] sign(byte[] data) {
    try {
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(pair.getPrivate());
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public byte[] toProtobuf() {
    throw new UnsupportedOperationException("test key");
  }
}
