package dev.icon.market.auction;

import static dev.icon.market.auction.MarketNodes.await;
import static dev.icon.market.auction.MarketNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.icon.market.auction.ClearingCheck.Verdict;
import dev.icon.market.auction.MarketNodes.Node;
import dev.icon.proto.icon.market.ExclusionReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Buyers and a provider on real overlay hosts (loopback TCP, Noise, Yamux) and real gossipsub run
 * market rounds on one hand-moved clock.
 */
class MarketMeshTest {
  private static final String REJECTED = "icon.gossip.messages.rejected";
  private final MarketNodes nodes = new MarketNodes();

  @AfterEach
  void stop() {
    nodes.close();
  }

  /** Runs one round from its commit window to every participant's clearing. */
  private long runRound(List<Node> market, int offers) {
    long n = market.get(0).market().currentRound();
    nodes.tickAll();
    awaitProgress(market, n, offers, 0);
    nodes.clock.advance(MarketNodes.CONFIG.commitWindow());
    nodes.tickAll();
    return n;
  }

  private static void awaitProgress(List<Node> market, long n, int commits, int reveals) {
    for (Node node : market) {
      await().until(() -> node.market().progress(n).commits() == commits
          && node.market().progress(n).reveals() >= reveals);
    }
  }

  private void clear(List<Node> market, long n, int reveals) {
    awaitProgress(market, n, market.get(0).market().progress(n).commits(), reveals);
    nodes.clock.advance(MarketNodes.CONFIG.revealWindow());
    nodes.tickAll();
  }

  @Test
  void buyersAndAProviderReachIdenticalClearings() {
    Node buyer1 = nodes.participant(new GreedyClearing());
    Node buyer2 = nodes.participant(new GreedyClearing());
    Node provider = nodes.participant(new GreedyClearing());
    List<Node> all = List.of(buyer1, buyer2, provider);
    nodes.fullMesh(all);
    buyer1.market().submit(BidOffer.any("b1", 100, 2));
    buyer2.market().submit(new BidOffer("b2", 80, 3, List.of(),
        List.of(provider.id().toBase58()), null));
    provider.market().submit(AskOffer.of("a1", 50, 4));

    long n = runRound(all, 3);
    clear(all, n, 3);

    for (Node node : all) {
      await().until(() -> node.events().checks.size() == 2);
      assertThat(node.events().checks).extracting(ClearingCheck::verdict)
          .containsOnly(Verdict.AGREES);
      assertThat(node.events().rejected).isEmpty();
    }
    RoundClearing ref = buyer1.market().clearing(n).orElseThrow();
    assertThat(ref.outcome().trades()).hasSize(2);
    assertThat(ref.outcome().trades()).extracting(AuctionTrade::units).containsExactly(2L, 2L);
    for (Node node : all) {
      RoundClearing c = node.market().clearing(n).orElseThrow();
      assertThat(c.resultDigest()).isEqualTo(ref.resultDigest());
      assertThat(c.inputDigest()).isEqualTo(ref.inputDigest());
      assertThat(node.events().matched).extracting(MatchedPair::provider)
          .containsOnly(provider.id());
      assertThat(node.events().matched).extracting(MatchedPair::bidder)
          .containsExactly(buyer1.id(), buyer2.id());
    }

    // The next round runs too, on the same mesh.
    nodes.clock.advance(MarketNodes.CONFIG.period().minus(Duration.ofSeconds(40)));
    buyer1.market().submit(BidOffer.any("b1", 30, 1));
    provider.market().submit(AskOffer.of("a1", 20, 1));
    long next = runRound(all, 2);
    clear(all, next, 2);
    assertThat(next).isEqualTo(n + 1);
    for (Node node : all) {
      await().until(() -> node.events().checks.size() == 4);
      assertThat(node.market().clearing(next).orElseThrow().outcome().trades()).hasSize(1);
    }
  }

  @Test
  void tickEveryDrivesTheRoundsOnItsOwn() throws Exception {
    Node buyer = nodes.participant(new GreedyClearing());
    Node provider = nodes.participant(new GreedyClearing());
    List<Node> all = List.of(buyer, provider);
    nodes.fullMesh(all);
    java.util.concurrent.ScheduledExecutorService timer =
        java.util.concurrent.Executors.newScheduledThreadPool(2);
    try (AutoCloseable a = buyer.market().tickEvery(timer, Duration.ofMillis(10));
        AutoCloseable b = provider.market().tickEvery(timer, Duration.ofMillis(10))) {
      long n = buyer.market().currentRound();
      buyer.market().submit(BidOffer.any("b1", 100, 1));
      provider.market().submit(AskOffer.of("a1", 10, 1));
      awaitProgress(all, n, 2, 0);
      nodes.clock.advance(MarketNodes.CONFIG.commitWindow());
      awaitProgress(all, n, 2, 2);
      nodes.clock.advance(MarketNodes.CONFIG.revealWindow());
      for (Node node : all) {
        await().until(() -> node.events().checks(node == buyer ? provider.id() : buyer.id(),
            Verdict.AGREES) == 1);
        assertThat(node.market().clearing(n).orElseThrow().outcome().trades()).hasSize(1);
      }
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void aPeerPublishingAWrongClearingIsDetectedAndRejected() {
    Node buyer1 = nodes.participant(new GreedyClearing());
    Node buyer2 = nodes.participant(new GreedyClearing());
    ClearingFunction cheat = round -> {
      AuctionOutcome honest = new GreedyClearing().clear(round);
      List<AuctionTrade> trades = new ArrayList<>();
      for (AuctionTrade t : honest.trades()) {
        trades.add(new AuctionTrade(t.bid(), t.ask(), t.units(), t.buyerPaysPerUnit() + 7,
            t.sellerGetsPerUnit() + 7));
      }
      return new AuctionOutcome(trades, honest.excluded(), honest.mechanism());
    };
    Node liar = nodes.participant(cheat);
    List<Node> all = List.of(buyer1, buyer2, liar);
    nodes.fullMesh(all);
    buyer1.market().submit(BidOffer.any("b1", 100, 2));
    buyer2.market().submit(BidOffer.any("b2", 90, 1));
    liar.market().submit(AskOffer.of("a1", 40, 3));

    long n = runRound(all, 3);
    clear(all, n, 3);

    for (Node honest : List.of(buyer1, buyer2)) {
      await().until(() -> honest.events().checks(liar.id(), Verdict.WRONG_RESULT) == 1);
      assertThat(honest.market().rejections(MarketError.WRONG_CLEARING)).isEqualTo(1);
      assertThat(honest.meter(REJECTED)).isGreaterThanOrEqualTo(1.0);
      assertThat(honest.events().rejected).extracting(MarketRejection::from)
          .containsOnly(liar.id());
    }
    await().until(() -> buyer1.events().checks(buyer2.id(), Verdict.AGREES) == 1
        && buyer2.events().checks(buyer1.id(), Verdict.AGREES) == 1);
    assertThat(buyer1.market().clearing(n).orElseThrow().resultDigest())
        .isEqualTo(buyer2.market().clearing(n).orElseThrow().resultDigest())
        .isNotEqualTo(liar.market().clearing(n).orElseThrow().resultDigest());
  }

  @Test
  void aNonRevealerIsExcludedEverywhereAndGarbageIsRefused() {
    Node buyer = nodes.participant(new GreedyClearing());
    Node provider = nodes.participant(new GreedyClearing());
    Node silent = nodes.bare();
    List<Node> market = List.of(buyer, provider);
    nodes.fullMesh(List.of(buyer, provider, silent));
    buyer.market().submit(BidOffer.any("b1", 100, 2));
    provider.market().submit(AskOffer.of("a1", 50, 4));
    long n = buyer.market().currentRound();
    MarketCodec codec = new MarketCodec(MarketNodes.CONFIG.maxMessageBytes());
    byte[] offer = OfferCodec.encode(BidOffer.any("s1", 1_000, 4));
    ByteString digest = CommitDigest.of(MarketNodes.CONFIG.marketId(), n, silent.id(), offer,
        new byte[16]);
    get(silent.pubsub().publish(MarketNodes.CONFIG.topic(), codec.encode(silent.key(),
        MarketCodec.commit(MarketNodes.CONFIG.marketId(), n, silent.id(), "s1", digest))));
    get(silent.pubsub().publish(MarketNodes.CONFIG.topic(), new byte[] {1, 2, 3}));
    get(silent.pubsub().publish(MarketNodes.CONFIG.topic(), codec.encode(silent.key(),
        MarketCodec.commit(MarketNodes.CONFIG.marketId(), n + 5, silent.id(), "s2", digest))));

    java.util.Queue<dev.icon.gossip.api.GossipMessage> seen =
        new java.util.concurrent.ConcurrentLinkedQueue<>();
    silent.pubsub().subscribe(MarketNodes.CONFIG.topic(), seen::add);
    runRound(market, 3);
    // The silent peer replays the buyer's signed commit under its own gossip identity.
    await().until(() -> seen.stream().anyMatch(m -> buyer.id().equals(m.from())));
    byte[] buyersCommit = seen.stream().filter(m -> buyer.id().equals(m.from())).findFirst()
        .orElseThrow().data();
    get(silent.pubsub().publish(MarketNodes.CONFIG.topic(), buyersCommit));
    for (Node node : market) {
      await().until(() -> node.market().rejections(MarketError.AUTHOR_MISMATCH) == 1);
    }
    clear(market, n, 2);

    String silentOffer = silent.id().toBase58() + "/s1";
    for (Node node : market) {
      await().until(() -> node.events().checks.size() == 1);
      RoundClearing c = node.market().clearing(n).orElseThrow();
      assertThat(c.input().exclusions()).extracting(OfferExclusion::qualifiedId,
          OfferExclusion::reason).containsExactly(
              org.assertj.core.groups.Tuple.tuple(silentOffer, ExclusionReason.NO_REVEAL));
      assertThat(node.events().excluded).extracting(OfferExclusion::qualifiedId)
          .containsExactly(silentOffer);
      assertThat(c.outcome().trades()).extracting(AuctionTrade::bid)
          .containsExactly(buyer.id().toBase58() + "/b1");
      assertThat(node.events().checks).extracting(ClearingCheck::verdict)
          .containsExactly(Verdict.AGREES);
      assertThat(node.market().rejections(MarketError.MALFORMED)).isEqualTo(1);
      assertThat(node.market().rejections(MarketError.WRONG_ROUND)).isEqualTo(1);
      assertThat(node.events().rejected).extracting(MarketRejection::from)
          .containsOnly(silent.id());
      assertThat(node.meter(REJECTED)).isGreaterThanOrEqualTo(2.0);
    }
  }
}
