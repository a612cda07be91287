package dev.icon.market.negotiate;

import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.negotiate.NegotiateFrame;
import dev.icon.proto.icon.resources.ResourceSpec;
import dev.icon.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** Two peers' keys, stores, a hand-moved clock and session factories for negotiation tests. */
final class Fixture {

  static final ResourceSpec SMALL =
      ResourceSpec.newBuilder().setCpuMillis(500).setMemoryMib(256).build();
  /** 1.5 units of currency per unit and hour. */
  static final long PRICE = 1_500_000;

  final MutableClock clock = new MutableClock();
  final Random random;
  final PrivateKey consumerKey;
  final PrivateKey providerKey;
  final NegotiateConfig config = NegotiateConfig.forTests();
  final MemoryAgreementStore consumerStore = new MemoryAgreementStore();
  final MemoryAgreementStore providerStore = new MemoryAgreementStore();
  final ReplayCache replays;
  OfferPolicy policy = new CapacityOfferPolicy(PRICE, 4_000, 4_096);
  OfferEvaluator evaluator = OfferEvaluator.acceptAll();

  Fixture(long seed) {
    random = new Random(seed);
    consumerKey = key(seed * 2 + 1);
    providerKey = key(seed * 2 + 2);
    replays = new ReplayCache(clock, config.replayCacheCapacity(), config.replayCachePerPeer());
  }

  static PrivateKey key(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return PrivateKey.generateEd25519(r);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  NegotiationRequest request() {
    Instant start = clock.instant().plus(Duration.ofMinutes(1));
    return new NegotiationRequest(providerKey.publicKey().peerId(), SMALL, 2, 2_000_000, start,
        start.plus(Duration.ofHours(2)));
  }

  ConsumerSession consumer() {
    return consumer(request());
  }

  ConsumerSession consumer(NegotiationRequest request) {
    return new ConsumerSession(consumerKey, request, config, clock, random, evaluator,
        consumerStore);
  }

  ProviderSession provider() {
    return new ProviderSession(providerKey, consumerKey.publicKey().peerId(), config, clock,
        random, replays, policy, providerStore);
  }

  /** Runs a whole exchange by hand; returns the provider's last frame. */
  NegotiateFrame exchange(ConsumerSession c, ProviderSession p) {
    NegotiateFrame request = c.open().orElseThrow();
    NegotiateFrame offer = p.onFrame(request).reply();
    NegotiateFrame accept = c.onFrame(offer).reply();
    NegotiateFrame agreement = p.onFrame(accept).reply();
    c.onFrame(agreement);
    return agreement;
  }
}
