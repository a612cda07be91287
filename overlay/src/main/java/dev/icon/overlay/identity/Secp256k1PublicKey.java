package dev.icon.overlay.identity;

import dev.icon.proto.libp2p.crypto.KeyType;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A secp256k1 public key (BouncyCastle: the JDK no longer has this curve). Accepts compressed or
 * uncompressed SEC1 points and keeps the compressed form, as go/js-libp2p do. Signatures are DER
 * ECDSA over SHA-256 of the data.
 */
final class Secp256k1PublicKey extends EncodedPublicKey {

  private static final ECDomainParameters CURVE = domain();

  private final ECPoint point;

  private Secp256k1PublicKey(ECPoint point) {
    super(KeyType.Secp256k1, point.getEncoded(true));
    this.point = point;
  }

  static Secp256k1PublicKey fromRaw(byte[] raw) {
    if (raw.length != 33 && raw.length != 65) {
      throw new IdentityException(IdentityError.MALFORMED_KEY,
          "secp256k1 public key must be 33 or 65 bytes, got " + raw.length);
    }
    int prefix = raw[0];
    if (raw.length == 33 ? prefix != 2 && prefix != 3 : prefix != 4) {
      throw new IdentityException(IdentityError.MALFORMED_KEY,
          "secp256k1 public key has invalid SEC1 prefix " + prefix + " for length " + raw.length);
    }
    try {
      ECPoint point = CURVE.getCurve().decodePoint(raw).normalize();
      if (point.isInfinity() || !point.isValid()) {
        throw new IdentityException(IdentityError.INVALID_KEY, "secp256k1 point is not valid");
      }
      return new Secp256k1PublicKey(point);
    } catch (IllegalArgumentException e) {
      throw new IdentityException(IdentityError.INVALID_KEY,
          "secp256k1 public key is not a point on the curve: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean verify(byte[] data, byte[] signature) {
    BigInteger[] rs = decodeDerSignature(signature);
    if (rs == null) {
      return false;
    }
    SHA256Digest digest = new SHA256Digest();
    digest.update(data, 0, data.length);
    byte[] hash = new byte[32];
    digest.doFinal(hash, 0);
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(point, CURVE));
    return verifier.verifySignature(hash, rs[0], rs[1]);
  }

  /** Strict DER SEQUENCE { r INTEGER, s INTEGER }, or null when malformed. */
  private static BigInteger[] decodeDerSignature(byte[] signature) {
    try {
      if (signature.length == 0 || signature.length > 80) {
        return null;
      }
      ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(signature));
      if (seq.size() != 2 || !Arrays.equals(seq.getEncoded(ASN1Encoding.DER), signature)) {
        return null;
      }
      BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue();
      BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue();
      return new BigInteger[] {r, s};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static ECDomainParameters domain() {
    X9ECParameters params = CustomNamedCurves.getByName("secp256k1");
    return new ECDomainParameters(params.getCurve(), params.getG(), params.getN(), params.getH());
  }
}
