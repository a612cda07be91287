package dev.icon.market.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.market.auction.MatchedPair;
import dev.icon.market.clearing.Trade;
import dev.icon.market.negotiate.NegotiateController;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The buyer's negotiator on a real host whose providers cannot be reached: every failure is
 * reported with its reason after the configured tries, concurrency and the queue are bounded, and
 * nothing is thrown at the caller of {@code onMatched}.
 */
class MatchNegotiatorTest {

  private final PrivateKey key = PrivateKey.generateEd25519();
  private final Host host = Host.builder().identity(key).config(HostConfig.forTests())
      .listen("/ip4/127.0.0.1/tcp/0").build();
  private final Queue<MatchOutcome> outcomes = new ConcurrentLinkedQueue<>();
  private MatchNegotiator negotiator;

  @AfterEach
  void stop() {
    if (negotiator != null) {
      negotiator.close();
    }
    host.stop().join();
  }

  private MatchNegotiator start(MatchConfig config) {
    host.start().join();
    NegotiateController nc = NegotiateController.builder(host, key).build();
    negotiator = MatchNegotiator.create(nc, host.peerId(), config, Clock.systemUTC(),
        outcomes::add, null);
    return negotiator;
  }

  private MatchedPair pair(PeerId bidder, String bid) {
    PeerId provider = PrivateKey.generateEd25519().publicKey().peerId();
    return new MatchedPair(3, new Trade(bidder.toBase58() + "/" + bid,
        provider.toBase58() + "/a", 2, 10, 10), bidder, provider);
  }

  @Test
  void anUnreachableProviderIsReportedAfterEveryTry() {
    start(MatchConfig.builder().attempts(2).retryDelay(Duration.ofMillis(10)).build());
    negotiator.onMatched(pair(PrivateKey.generateEd25519().publicKey().peerId(), "not-ours"));
    negotiator.onMatched(pair(host.peerId(), "b1"));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !outcomes.isEmpty());
    MatchOutcome o = outcomes.peek();
    assertThat(o.concluded()).isFalse();
    assertThat(o.attempts()).isEqualTo(2);
    assertThat(o.failure()).isNotBlank();
    assertThat(o.pair().bidder()).isEqualTo(host.peerId());
    assertThat(outcomes).hasSize(1);
  }

  @Test
  void boundsTheQueueAndReportsWhatCloseDrops() {
    start(MatchConfig.builder().maxConcurrent(1).maxQueued(1).attempts(2)
        .retryDelay(Duration.ofSeconds(30)).build());
    negotiator.onMatched(pair(host.peerId(), "b1"));
    negotiator.onMatched(pair(host.peerId(), "b2"));
    negotiator.onMatched(pair(host.peerId(), "b3"));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !outcomes.isEmpty());
    assertThat(outcomes.peek().failure()).contains("too many matches waiting");
    assertThat(outcomes.peek().pair().trade().bid()).endsWith("/b3");
    negotiator.close();
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> outcomes.size() >= 2);
    assertThat(outcomes).extracting(MatchOutcome::failure).contains("negotiator closed");
    negotiator.onMatched(pair(host.peerId(), "b4"));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> outcomes.size() >= 3);
  }

  @Test
  void configNamesTheFieldAtFault() {
    assertThatThrownBy(() -> MatchConfig.builder().attempts(0).build())
        .hasMessageContaining("attempts");
    assertThatThrownBy(() -> MatchConfig.builder().term(Duration.ZERO).build())
        .hasMessageContaining("term");
    assertThatThrownBy(() -> MatchConfig.builder().maxQueued(0).build())
        .hasMessageContaining("maxQueued");
    assertThat(MatchConfig.defaults().term()).isEqualTo(Duration.ofHours(1));
  }
}
