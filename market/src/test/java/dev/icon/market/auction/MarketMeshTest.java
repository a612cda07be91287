package dev.icon.market.auction;

import static dev.icon.market.auction.MarketNodes.await;
import static dev.icon.market.auction.MarketNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.icon.gossip.api.GossipBuilder;
import dev.icon.gossip.api.GossipMessage;
import dev.icon.gossip.score.PeerScoreParams;
import dev.icon.gossip.score.PeerScoreThresholds;
import dev.icon.gossip.score.TopicScoreParams;
import dev.icon.market.auction.ClearingCheck.Verdict;
import dev.icon.market.auction.MarketNodes.Node;
import dev.icon.market.clearing.ClearingResult;
import dev.icon.market.clearing.DoubleAuction;
import dev.icon.market.clearing.Trade;
import dev.icon.proto.icon.market.ExclusionReason;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Buyers and a provider on real overlay hosts (loopback TCP, Noise, Yamux) and real gossipsub run
 * market rounds, cleared by the real {@link DoubleAuction}, on one hand-moved clock.
 */
class MarketMeshTest {
  private static final String REJECTED = "icon.gossip.messages.rejected";
  private static final String TOPIC = MarketNodes.CONFIG.topic();
  private final MarketNodes nodes = new MarketNodes();

  @AfterEach
  void stop() {
    nodes.close();
  }

  /** Commits what was submitted and waits until every node has all {@code offers} commits. */
  private long commitAll(List<Node> market, int offers) {
    long n = market.get(0).market().currentRound();
    nodes.tickAll();
    awaitProgress(market, n, offers, 0);
    return n;
  }

  /** Reveals, waits until every node has {@code reveals}, closes the window and clears. */
  private void revealAndClear(List<Node> market, long n, int reveals) {
    nodes.clock.advance(MarketNodes.CONFIG.commitWindow());
    nodes.tickAll();
    awaitProgress(market, n, market.get(0).market().progress(n).commits(), reveals);
    nodes.clock.advance(MarketNodes.CONFIG.revealWindow());
    nodes.tickAll();
  }

  private static void awaitProgress(List<Node> market, long n, int commits, int reveals) {
    for (Node node : market) {
      await().until(() -> node.market().progress(n).commits() == commits
          && node.market().progress(n).reveals() >= reveals);
    }
  }

  @Test
  void buyersAndAProviderReachIdenticalClearings() {
    Node buyer1 = nodes.participant(new DoubleAuctionClearing());
    Node buyer2 = nodes.participant(new DoubleAuctionClearing());
    Node provider = nodes.participant(new DoubleAuctionClearing());
    List<Node> all = List.of(buyer1, buyer2, provider);
    nodes.fullMesh(all);
    Map<String, Long> values = new HashMap<>();
    for (int i = 0; i < 12; i++) {
      buyer1.market().submit(BidOffer.any("x" + i, 100_000 + i, 1));
      buyer2.market().submit(new BidOffer("y" + i, 90_000 + i, 1, List.of(),
          List.of(provider.id().toBase58()), null));
      values.put(buyer1.id().toBase58() + "/x" + i, 100_000L + i);
      values.put(buyer2.id().toBase58() + "/y" + i, 90_000L + i);
    }
    for (int i = 0; i < 24; i++) {
      provider.market().submit(AskOffer.of("a" + i, 10_000 + i, 1));
    }

    long n = commitAll(all, 48);
    revealAndClear(all, n, 48);

    for (Node node : all) {
      await().until(() -> node.events().checks.size() == 2);
      assertThat(node.events().checks).extracting(ClearingCheck::verdict)
          .containsOnly(Verdict.AGREES);
      assertThat(node.events().rejected).isEmpty();
    }
    RoundClearing ref = buyer1.market().clearing(n).orElseThrow();
    ClearingResult result = ref.outcome();
    assertThat(result.mechanism()).isEqualTo(DoubleAuction.MECHANISM);
    assertThat(result.trades()).isNotEmpty();
    for (Trade t : result.trades()) {
      assertThat(t.buyerPaysPerUnit()).isLessThanOrEqualTo(values.get(t.bid()));
      assertThat(t.sellerGetsPerUnit()).isGreaterThanOrEqualTo(10_000L);
    }
    for (Node node : all) {
      RoundClearing c = node.market().clearing(n).orElseThrow();
      assertThat(c.outcome()).isEqualTo(result);
      assertThat(c.resultDigest()).isEqualTo(ref.resultDigest());
      assertThat(c.inputDigest()).isEqualTo(ref.inputDigest());
      assertThat(node.events().matched).hasSize(result.trades().size());
      assertThat(node.events().matched).extracting(MatchedPair::provider)
          .containsOnly(provider.id());
      assertThat(node.events().matched).extracting(MatchedPair::bidder)
          .isSubsetOf(buyer1.id(), buyer2.id());
    }

    // The next round runs too, on the same mesh.
    nodes.clock.advance(MarketNodes.CONFIG.period().minus(Duration.ofSeconds(40)));
    buyer1.market().submit(BidOffer.any("x0", 30, 1));
    provider.market().submit(AskOffer.of("a0", 20, 1));
    long next = commitAll(all, 2);
    revealAndClear(all, next, 2);
    assertThat(next).isEqualTo(n + 1);
    for (Node node : all) {
      await().until(() -> node.events().checks.size() == 4);
      assertThat(node.events().checks).extracting(ClearingCheck::verdict)
          .containsOnly(Verdict.AGREES);
      assertThat(node.market().clearing(next).orElseThrow().resultDigest())
          .isEqualTo(buyer1.market().clearing(next).orElseThrow().resultDigest());
    }
  }

  @Test
  void tickEveryDrivesTheRoundsOnItsOwn() throws Exception {
    Node buyer = nodes.participant(new GreedyClearing());
    Node provider = nodes.participant(new GreedyClearing());
    List<Node> all = List.of(buyer, provider);
    nodes.fullMesh(all);
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
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
    UnaryOperator<GossipBuilder> scored = b -> b.scoring(PeerScoreParams.builder()
        .topic(TOPIC, TopicScoreParams.defaults()).build(), PeerScoreThresholds.defaults());
    Node buyer1 = nodes.participant(new DoubleAuctionClearing(), scored);
    Node buyer2 = nodes.participant(new DoubleAuctionClearing(), scored);
    String victim = buyer1.id().toBase58() + "/b1";
    // The liar clears like everyone else, then drops buyer1's bid from the result.
    Node liar = nodes.participant(round -> new DoubleAuctionClearing().clear(round)
        .withExcluded(List.of(victim)), scored);
    List<Node> all = List.of(buyer1, buyer2, liar);
    nodes.fullMesh(all);
    buyer1.market().submit(BidOffer.any("b1", 100, 2));
    buyer2.market().submit(BidOffer.any("b2", 90, 1));
    liar.market().submit(AskOffer.of("a1", 40, 3));

    long n = commitAll(all, 3);
    revealAndClear(all, n, 3);

    for (Node honest : List.of(buyer1, buyer2)) {
      await().until(() -> honest.events().checks(liar.id(), Verdict.WRONG_RESULT) == 1);
      assertThat(honest.market().rejections(MarketError.WRONG_CLEARING)).isEqualTo(1);
      assertThat(honest.meter(REJECTED)).isGreaterThanOrEqualTo(1.0);
      assertThat(honest.events().rejected).extracting(MarketRejection::from)
          .containsOnly(liar.id());
      assertThat(honest.market().clearing(n).orElseThrow().outcome().excluded())
          .doesNotContain(victim);
    }
    await().until(() -> buyer1.events().checks(buyer2.id(), Verdict.AGREES) == 1
        && buyer2.events().checks(buyer1.id(), Verdict.AGREES) == 1);
    // Peer scoring (P4, invalid messages) punishes the liar, not the honest buyer.
    await().until(() -> get(buyer1.pubsub().score(liar.id())) < get(
        buyer1.pubsub().score(buyer2.id())) && get(buyer1.pubsub().score(liar.id())) < 0);
    await().until(() -> get(buyer2.pubsub().score(liar.id())) < 0);
    assertThat(buyer1.market().clearing(n).orElseThrow().resultDigest())
        .isEqualTo(buyer2.market().clearing(n).orElseThrow().resultDigest())
        .isNotEqualTo(liar.market().clearing(n).orElseThrow().resultDigest());
  }

  @Test
  void aNonRevealerIsExcludedEverywhereAndBadInputIsRefused() {
    Node buyer = nodes.participant(new DoubleAuctionClearing());
    Node provider = nodes.participant(new DoubleAuctionClearing());
    Node silent = nodes.bare();
    List<Node> market = List.of(buyer, provider);
    nodes.fullMesh(List.of(buyer, provider, silent));
    Queue<GossipMessage> seen = new ConcurrentLinkedQueue<>();
    silent.pubsub().subscribe(TOPIC, seen::add);
    buyer.market().submit(BidOffer.any("b1", 100, 2));
    provider.market().submit(AskOffer.of("a1", 50, 4));
    long n = buyer.market().currentRound();
    MarketCodec codec = new MarketCodec(MarketNodes.CONFIG.maxMessageBytes());
    String marketId = MarketNodes.CONFIG.marketId();
    byte[] offer = OfferCodec.encode(BidOffer.any("s1", 1_000, 4));
    ByteString digest = CommitDigest.of(marketId, n, silent.id(), offer, new byte[16]);
    // The silent peer commits and never reveals; it also sends garbage and a future-round commit.
    get(silent.pubsub().publish(TOPIC, codec.encode(silent.key(),
        MarketCodec.commit(marketId, n, silent.id(), "s1", digest))));
    get(silent.pubsub().publish(TOPIC, new byte[] {1, 2, 3}));
    get(silent.pubsub().publish(TOPIC, codec.encode(silent.key(),
        MarketCodec.commit(marketId, n + 5, silent.id(), "s2", digest))));
    commitAll(market, 3);
    // It replays the buyer's signed commit under its own gossip identity.
    await().until(() -> seen.stream().anyMatch(m -> buyer.id().equals(m.from())));
    byte[] buyersCommit = seen.stream().filter(m -> buyer.id().equals(m.from())).findFirst()
        .orElseThrow().data();
    get(silent.pubsub().publish(TOPIC, buyersCommit));
    for (Node node : market) {
      await().until(() -> node.market().rejections(MarketError.AUTHOR_MISMATCH) == 1);
    }

    revealAndClear(market, n, 2);

    String silentOffer = silent.id().toBase58() + "/s1";
    for (Node node : market) {
      await().until(() -> node.events().checks.size() == 1);
      RoundClearing c = node.market().clearing(n).orElseThrow();
      assertThat(c.input().exclusions()).extracting(OfferExclusion::qualifiedId,
          OfferExclusion::reason).containsExactly(
              org.assertj.core.groups.Tuple.tuple(silentOffer, ExclusionReason.NO_REVEAL));
      assertThat(c.outcome().excluded()).containsExactly(silentOffer);
      assertThat(node.events().excluded).extracting(OfferExclusion::qualifiedId)
          .containsExactly(silentOffer);
      assertThat(node.events().checks).extracting(ClearingCheck::verdict)
          .containsExactly(Verdict.AGREES);
      assertThat(node.market().rejections(MarketError.MALFORMED)).isEqualTo(1);
      assertThat(node.market().rejections(MarketError.WRONG_ROUND)).isEqualTo(1);
      assertThat(node.events().rejected).extracting(MarketRejection::from)
          .containsOnly(silent.id());
      assertThat(node.meter(REJECTED)).isGreaterThanOrEqualTo(2.0);
    }
  }

  @Test
  void aRevealThatDoesNotMatchItsCommitExcludesTheOfferEverywhere() {
    Node buyer = nodes.participant(new DoubleAuctionClearing());
    Node provider = nodes.participant(new DoubleAuctionClearing());
    Node cheat = nodes.bare();
    List<Node> market = List.of(buyer, provider);
    nodes.fullMesh(List.of(buyer, provider, cheat));
    buyer.market().submit(BidOffer.any("b1", 100, 2));
    provider.market().submit(AskOffer.of("a1", 50, 4));
    long n = buyer.market().currentRound();
    MarketCodec codec = new MarketCodec(MarketNodes.CONFIG.maxMessageBytes());
    String marketId = MarketNodes.CONFIG.marketId();
    byte[] low = OfferCodec.encode(AskOffer.of("c1", 1, 4));
    byte[] high = OfferCodec.encode(AskOffer.of("c1", 99, 4));
    // The cheat commits to a cheap ask, then tries to reveal a dearer one.
    get(cheat.pubsub().publish(TOPIC, codec.encode(cheat.key(), MarketCodec.commit(marketId, n,
        cheat.id(), "c1", CommitDigest.of(marketId, n, cheat.id(), low, new byte[16])))));
    commitAll(market, 3);
    nodes.clock.advance(MarketNodes.CONFIG.commitWindow());
    nodes.tickAll();
    get(cheat.pubsub().publish(TOPIC, codec.encode(cheat.key(),
        MarketCodec.reveal(marketId, n, cheat.id(), high, new byte[16]))));
    for (Node node : market) {
      await().until(() -> node.market().rejections(MarketError.REVEAL_MISMATCH) == 1
          && node.market().progress(n).reveals() == 2);
    }
    nodes.clock.advance(MarketNodes.CONFIG.revealWindow());
    nodes.tickAll();

    String cheatOffer = cheat.id().toBase58() + "/c1";
    for (Node node : market) {
      await().until(() -> node.events().checks.size() == 1);
      RoundClearing c = node.market().clearing(n).orElseThrow();
      assertThat(c.input().exclusions()).extracting(OfferExclusion::reason)
          .containsExactly(ExclusionReason.REVEAL_MISMATCH);
      assertThat(c.outcome().excluded()).containsExactly(cheatOffer);
      assertThat(c.input().offers()).extracting(RevealedOffer::qualifiedId)
          .doesNotContain(cheatOffer);
      assertThat(node.events().checks).extracting(ClearingCheck::verdict)
          .containsExactly(Verdict.AGREES);
      assertThat(node.meter(REJECTED)).isGreaterThanOrEqualTo(1.0);
    }
  }
}
