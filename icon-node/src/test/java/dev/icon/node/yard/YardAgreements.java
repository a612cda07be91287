package dev.icon.node.yard;

import com.google.protobuf.ByteString;
import dev.icon.market.negotiate.AgreementId;
import dev.icon.market.negotiate.AgreementStore;
import dev.icon.market.negotiate.SignedAgreement;
import dev.icon.market.signing.MarketSignatures;
import dev.icon.market.signing.SigningDomain;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.negotiate.Agreement;
import dev.icon.proto.icon.negotiate.AgreementTerms;
import dev.icon.proto.icon.resources.ResourceSpec;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Random;

/**
 * Real dual-signed agreements made by hand (terms signed by both keys as the negotiation does,
 * then checked by {@link SignedAgreement#verify}); price 0 so the total is 0.
 */
final class YardAgreements {

  private YardAgreements() {}

  static PrivateKey key(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return PrivateKey.generateEd25519(r);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs, verifies and stores an agreement of {@code units} x {@code resources} over the period. */
  static SignedAgreement conclude(PrivateKey consumer, PrivateKey provider, ResourceSpec resources,
      int units, Instant start, Instant end, AgreementStore store, Random random) {
    AgreementTerms terms = AgreementTerms.newBuilder().setVersion(1)
        .setAgreementId(bytes(random)).setRequestId(bytes(random)).setNonce(bytes(random))
        .setConsumer(ByteString.copyFrom(consumer.publicKey().peerId().toBytes()))
        .setProvider(ByteString.copyFrom(provider.publicKey().peerId().toBytes()))
        .setResources(resources).setUnits(units).setPriceMicrosPerUnitHour(0)
        .setStartMillis(start.toEpochMilli()).setEndMillis(end.toEpochMilli())
        .setMaxTotalMicros(0).setOfferExpiresAtMillis(start.toEpochMilli() + 60_000).build();
    byte[] t = terms.toByteArray();
    Agreement message = Agreement.newBuilder().setTerms(ByteString.copyFrom(t))
        .setProviderSignature(ByteString.copyFrom(
            MarketSignatures.sign(provider, SigningDomain.AGREEMENT, t)))
        .setConsumerSignature(ByteString.copyFrom(
            MarketSignatures.sign(consumer, SigningDomain.AGREEMENT, t))).build();
    SignedAgreement a = SignedAgreement.verify(message);
    store.saveIfAbsent(a.id(), a.toByteArray());
    return a;
  }

  private static ByteString bytes(Random random) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return ByteString.copyFrom(b);
  }

  static AgreementId randomId(Random random) {
    return new AgreementId(bytes(random));
  }
}
