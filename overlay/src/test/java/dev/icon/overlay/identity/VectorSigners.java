package dev.icon.overlay.identity;

import dev.icon.proto.libp2p.crypto.PrivateKey;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * Test-only signers for the non-Ed25519 spec vector private keys, built straight on the JDK and
 * BouncyCastle (production code only verifies these key types).
 */
final class VectorSigners {

  private VectorSigners() {}

  /** DER ECDSA over SHA-256 with the secp256k1 vector key (RFC 6979 nonces). */
  static byte[] signSecp256k1(byte[] data) throws Exception {
    BigInteger d = new BigInteger(1, keyData(SpecVectors.SECP256K1_PRIVATE));
    X9ECParameters x9 = CustomNamedCurves.getByName("secp256k1");
    ECDomainParameters domain =
        new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(d, domain));
    BigInteger[] rs = signer.generateSignature(sha256(data));
    ASN1EncodableVector seq = new ASN1EncodableVector();
    seq.add(new ASN1Integer(rs[0]));
    seq.add(new ASN1Integer(rs[1]));
    return new DERSequence(seq).getEncoded();
  }

  /** The uncompressed SEC1 point of the secp256k1 vector key. */
  static byte[] secp256k1Uncompressed() {
    BigInteger d = new BigInteger(1, keyData(SpecVectors.SECP256K1_PRIVATE));
    return CustomNamedCurves.getByName("secp256k1").getG().multiply(d).normalize().getEncoded(false);
  }

  /** SHA256withECDSA with the P-256 vector key (SEC1 ECPrivateKey DER in the protobuf). */
  static byte[] signEcdsa(byte[] data) throws Exception {
    org.bouncycastle.asn1.sec.ECPrivateKey sec1 =
        org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(keyData(SpecVectors.ECDSA_PRIVATE));
    AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
    params.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
    java.security.PrivateKey key = KeyFactory.getInstance("EC")
        .generatePrivate(new ECPrivateKeySpec(sec1.getKey(), spec));
    return jdkSign("SHA256withECDSA", key, data);
  }

  /** SHA256withRSA with the RSA vector key (PKCS#1 RSAPrivateKey DER in the protobuf). */
  static byte[] signRsa(byte[] data) throws Exception {
    return jdkSign("SHA256withRSA", rsaPrivateKey(), data);
  }

  /** The RSA vector's public key, as the JDK derives it from the private key (DER PKIX). */
  static byte[] rsaPublicPkix() throws Exception {
    RSAPrivateKey k = RSAPrivateKey.getInstance(keyData(SpecVectors.RSA_PRIVATE));
    return KeyFactory.getInstance("RSA")
        .generatePublic(new java.security.spec.RSAPublicKeySpec(k.getModulus(),
            k.getPublicExponent()))
        .getEncoded();
  }

  private static java.security.PrivateKey rsaPrivateKey() throws Exception {
    RSAPrivateKey k = RSAPrivateKey.getInstance(keyData(SpecVectors.RSA_PRIVATE));
    return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(k.getModulus(),
        k.getPublicExponent(), k.getPrivateExponent(), k.getPrime1(), k.getPrime2(),
        k.getExponent1(), k.getExponent2(), k.getCoefficient()));
  }

  private static byte[] jdkSign(String algorithm, java.security.PrivateKey key, byte[] data)
      throws Exception {
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(key);
    signer.update(data);
    return signer.sign();
  }

  private static byte[] keyData(String privateHex) {
    try {
      return PrivateKey.parseFrom(SpecVectors.bytes(privateHex)).getData().toByteArray();
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(byte[] data) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(data, 0, data.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}
