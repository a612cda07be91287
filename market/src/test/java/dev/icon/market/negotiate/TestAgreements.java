package dev.icon.market.negotiate;

import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.resources.ResourceSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** Concludes real dual-signed agreements by hand (no network) for other packages' tests. */
public final class TestAgreements {

  private TestAgreements() {}

  /** A seeded Ed25519 key. */
  public static PrivateKey key(long seed) {
    return Fixture.key(seed);
  }

  /**
   * Negotiates {@code units} x (0.5 core, 256 MiB) for {@code hours} at {@code price} per unit-hour
   * between the two keys; the agreement is saved in {@code providerStore}.
   */
  public static SignedAgreement conclude(PrivateKey consumer, PrivateKey provider, Clock clock,
      AgreementStore providerStore, long price, int units, int hours) {
    NegotiateConfig config = NegotiateConfig.forTests();
    Random random = new Random(consumer.publicKey().peerId().hashCode());
    Instant start = clock.instant();
    NegotiationRequest want = new NegotiationRequest(provider.publicKey().peerId(),
        ResourceSpec.newBuilder().setCpuMillis(500).setMemoryMib(256).build(), units, price,
        start, start.plus(Duration.ofHours(hours)));
    ConsumerSession c = new ConsumerSession(consumer, want, config, clock, random,
        OfferEvaluator.acceptAll(), new MemoryAgreementStore());
    ProviderSession p = new ProviderSession(provider, consumer.publicKey().peerId(), config, clock,
        random, new ReplayCache(clock, 16, 16),
        new CapacityOfferPolicy(price, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4), providerStore);
    var offer = p.onFrame(c.open().orElseThrow()).reply();
    var agreement = p.onFrame(c.onFrame(offer).reply()).reply();
    c.onFrame(agreement);
    return c.agreement().orElseThrow(
        () -> new IllegalStateException("not concluded: " + c.failure().orElse(null)));
  }
}
