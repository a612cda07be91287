package dev.icon.bench.market;

import dev.icon.market.negotiate.CapacityOfferPolicy;
import dev.icon.market.negotiate.ConsumerSession;
import dev.icon.market.negotiate.MemoryAgreementStore;
import dev.icon.market.negotiate.NegotiateConfig;
import dev.icon.market.negotiate.NegotiationRequest;
import dev.icon.market.negotiate.OfferEvaluator;
import dev.icon.market.negotiate.ProviderSession;
import dev.icon.market.negotiate.ReplayCache;
import dev.icon.market.negotiate.SignedAgreement;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.resources.ResourceSpec;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Keys, requests and real agreements for the market benchmarks. */
final class BenchAgreements {

  static final ResourceSpec SPEC = ResourceSpec.newBuilder().setCpuMillis(500).setMemoryMib(256)
      .setDiskMib(1024).setBandwidthKbps(10_000).build();

  private BenchAgreements() {}

  static PrivateKey key(long seed) throws Exception {
    SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
    r.setSeed(seed);
    return PrivateKey.generateEd25519(r);
  }

  /** One unit for one hour from a minute from now, at most 2 units of currency per unit-hour. */
  static NegotiationRequest request(PeerId provider) {
    Instant start = Instant.now().plus(Duration.ofMinutes(1));
    return new NegotiationRequest(provider, SPEC, 1, 2_000_000, start,
        start.plus(Duration.ofHours(1)));
  }

  /** A provider policy that never runs out. */
  static CapacityOfferPolicy unlimited() {
    return new CapacityOfferPolicy(1_500_000, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4);
  }

  /** A real agreement between the two keys, concluded without a network. */
  static SignedAgreement conclude(PrivateKey consumer, PrivateKey provider) {
    NegotiateConfig config = NegotiateConfig.defaults();
    Clock clock = Clock.systemUTC();
    SecureRandom random = new SecureRandom();
    ConsumerSession c = new ConsumerSession(consumer, request(provider.publicKey().peerId()),
        config, clock, random, OfferEvaluator.acceptAll(), new MemoryAgreementStore());
    ProviderSession p = new ProviderSession(provider, consumer.publicKey().peerId(), config, clock,
        random, new ReplayCache(clock, 16, 16), unlimited(), new MemoryAgreementStore());
    var offer = p.onFrame(c.open().orElseThrow()).reply();
    c.onFrame(p.onFrame(c.onFrame(offer).reply()).reply());
    return c.agreement().orElseThrow();
  }
}
