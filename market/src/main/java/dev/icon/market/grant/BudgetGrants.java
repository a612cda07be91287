package dev.icon.market.grant;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.market.signing.MarketSignatures;
import dev.icon.market.signing.SigningDomain;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.negotiate.BudgetGrant;
import dev.icon.proto.icon.negotiate.BudgetGrantBody;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Signs and verifies budget grants: a parent ICON grants part of its budget to a child, signed
 * with the parent's identity key over {@code icon-budget-grant-v1: || body}. Spending and
 * double-grant accounting belong to the ledger; this class only makes and checks the message.
 * Stateless and thread-safe.
 */
public final class BudgetGrants {

  /** Largest grant accepted, in bytes (a grant is about 150). */
  public static final int MAX_GRANT_SIZE = 1024;

  private static final int ID_LENGTH = 16;

  private BudgetGrants() {}

  /** Grants {@code amountMicros} to {@code grantee}, valid for {@code validity} from now. */
  public static BudgetGrant issue(PrivateKey grantor, PeerId grantee, long amountMicros,
      Duration validity, Clock clock, RandomGenerator random) {
    if (amountMicros <= 0) {
      throw new IllegalArgumentException("amountMicros must be positive: " + amountMicros);
    }
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive: " + validity);
    }
    long now = clock.millis();
    BudgetGrantBody body = BudgetGrantBody.newBuilder()
        .setVersion(1)
        .setGrantId(randomBytes(random))
        .setGrantor(ByteString.copyFrom(grantor.publicKey().peerId().toBytes()))
        .setGrantee(ByteString.copyFrom(grantee.toBytes()))
        .setAmountMicros(amountMicros)
        .setIssuedAtMillis(now)
        .setExpiresAtMillis(now + validity.toMillis())
        .setNonce(randomBytes(random))
        .build();
    ByteString bytes = body.toByteString();
    return BudgetGrant.newBuilder().setBody(bytes).setSignature(ByteString.copyFrom(
        MarketSignatures.sign(grantor, SigningDomain.BUDGET_GRANT, bytes.toByteArray()))).build();
  }

  /**
   * Checks a grant received by {@code grantee} from {@code grantor}: size, fields, signature,
   * peers and expiry. Returns the verified body.
   *
   * @throws GrantException naming the fault
   */
  public static BudgetGrantBody verify(BudgetGrant grant, PeerId grantor, PeerId grantee,
      Clock clock) {
    if (grant.getSerializedSize() > MAX_GRANT_SIZE) {
      throw new GrantException(GrantError.MALFORMED,
          "grant of " + grant.getSerializedSize() + " bytes exceeds " + MAX_GRANT_SIZE);
    }
    BudgetGrantBody body;
    try {
      body = BudgetGrantBody.parseFrom(grant.getBody());
    } catch (InvalidProtocolBufferException e) {
      throw new GrantException(GrantError.MALFORMED, "unparsable grant: " + e.getMessage());
    }
    if (body.getVersion() != 1 || body.getGrantId().size() != ID_LENGTH
        || body.getNonce().size() != ID_LENGTH || body.getAmountMicros() <= 0) {
      throw new GrantException(GrantError.MALFORMED,
          "version, grant_id, nonce or a positive amount_micros missing");
    }
    if (!body.getGrantor().equals(ByteString.copyFrom(grantor.toBytes()))
        || !body.getGrantee().equals(ByteString.copyFrom(grantee.toBytes()))) {
      throw new GrantException(GrantError.WRONG_PEER,
          "grant is not from " + grantor + " to " + grantee);
    }
    if (!MarketSignatures.verify(body.getGrantor().toByteArray(), SigningDomain.BUDGET_GRANT,
        grant.getBody().toByteArray(), grant.getSignature().toByteArray())) {
      throw new GrantException(GrantError.BAD_SIGNATURE, "grant signature does not verify");
    }
    if (body.getExpiresAtMillis() <= clock.millis()) {
      throw new GrantException(GrantError.EXPIRED,
          "grant expired at " + body.getExpiresAtMillis() + " ms");
    }
    return body;
  }

  private static ByteString randomBytes(RandomGenerator random) {
    byte[] b = new byte[ID_LENGTH];
    random.nextBytes(b);
    return ByteString.copyFrom(b);
  }
}
