package dev.icon.bench.market;

import dev.icon.market.auction.AskOffer;
import dev.icon.market.auction.BidOffer;
import dev.icon.market.auction.CommitDigest;
import dev.icon.market.auction.DoubleAuctionClearing;
import dev.icon.market.auction.MarketCodec;
import dev.icon.market.auction.MarketConfig;
import dev.icon.market.auction.MarketFrame;
import dev.icon.market.auction.MarketOffer;
import dev.icon.market.auction.MarketRound;
import dev.icon.market.auction.OfferCodec;
import dev.icon.market.auction.RoundClearing;
import dev.icon.market.auction.RoundSchedule;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a peer spends on one market round besides the network: {@code decodeReveal} decodes and
 * verifies one signed reveal (Ed25519 signature, key-to-author binding, offer decoding);
 * {@code round} records 10,000 bid and 1,000 ask commits, checks their 11,000 reveals against them
 * (a SHA-256 each), seals the round and clears it with {@link DoubleAuctionClearing} (input and
 * result digests included). 200 authors, fixed seed.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MarketRoundBenchmark {
  private static final int BIDS = 10_000;
  private static final int ASKS = 1_000;
  private final MarketConfig config = MarketConfig.builder().maxOffersPerRound(16_384)
      .maxOffersPerAuthor(64).build();
  private final RoundSchedule schedule = new RoundSchedule(config);
  private final MarketCodec codec = new MarketCodec(config.maxMessageBytes());
  private final long n = 29_000_000L;
  private final List<MarketFrame.Commit> commits = new ArrayList<>();
  private final List<MarketFrame.Reveal> reveals = new ArrayList<>();
  private byte[] signedReveal;

  @Setup
  public void setUp() {
    Random r = new Random(42);
    List<PrivateKey> keys = new ArrayList<>();
    SecureRandom seeded = new SecureRandom(new byte[] {4, 2});
    for (int i = 0; i < 200; i++) {
      keys.add(PrivateKey.generateEd25519(seeded));
    }
    for (int i = 0; i < BIDS + ASKS; i++) {
      PrivateKey key = keys.get(i % keys.size());
      PeerId author = key.publicKey().peerId();
      MarketOffer offer = i < BIDS
          ? BidOffer.any("b" + i, 500_000 + r.nextInt(1_500_001), 1 + r.nextInt(8))
          : AskOffer.of("a" + i, 500_000 + r.nextInt(1_000_001), 20 + r.nextInt(181));
      byte[] bytes = OfferCodec.encode(offer);
      byte[] nonce = new byte[32];
      r.nextBytes(nonce);
      MarketFrame.Commit c = new MarketFrame.Commit(config.marketId(), n, author, offer.id(),
          CommitDigest.of(config.marketId(), n, author, bytes, nonce));
      commits.add(c);
      byte[] signed = codec.encode(key, MarketCodec.reveal(config.marketId(), n, author, bytes,
          nonce));
      reveals.add((MarketFrame.Reveal) codec.decode(signed));
      signedReveal = signed;
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public MarketFrame decodeReveal() {
    return codec.decode(signedReveal);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public RoundClearing round() {
    MarketRound round = new MarketRound(n, config);
    Instant start = schedule.start(n);
    for (MarketFrame.Commit c : commits) {
      round.commit(c, start);
    }
    Instant reveal = schedule.commitEnd(n);
    for (MarketFrame.Reveal r : reveals) {
      round.reveal(r, reveal);
    }
    return RoundClearing.compute(round.seal(schedule.revealEnd(n)), new DoubleAuctionClearing());
  }
}
