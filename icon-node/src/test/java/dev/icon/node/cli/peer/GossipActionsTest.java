package dev.icon.node.cli.peer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.identity.PrivateKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The gossip part of {@code icon peer} on two real hosts over loopback TCP. */
class GossipActionsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<AutoCloseable> started = new ArrayList<>();

  /** One peer: options as on the command line, and the events it printed. */
  private final class Peer {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final EventPrinter events = new EventPrinter(new PrintStream(out, true, UTF_8),
        Clock.systemUTC());
    final ActionRunner runner = new ActionRunner(events);
    final Host host;
    final GossipActions gossip;

    Peer(String... args) throws Exception {
      PeerCommand command = new PeerCommand();
      new CommandLine(command).parseArgs(args);
      PrivateKey key = PrivateKey.generateEd25519();
      host = Host.builder().identity(key).config(HostConfig.forTests())
          .listen("/ip4/127.0.0.1/tcp/0").build();
      host.start().get(10, TimeUnit.SECONDS);
      started.add(() -> host.stop().get(10, TimeUnit.SECONDS));
      gossip = GossipActions.start(host, key, command.gossip, events, Clock.systemUTC());
      started.add(0, gossip);
    }

    List<JsonNode> events(String name) throws Exception {
      List<JsonNode> found = new ArrayList<>();
      for (String line : out.toString(UTF_8).split("\n")) {
        if (!line.isBlank()) {
          JsonNode e = JSON.readTree(line);
          if (e.path("event").asText().equals(name)) {
            found.add(e);
          }
        }
      }
      return found;
    }
  }

  @AfterEach
  void stopAll() throws Exception {
    for (AutoCloseable c : started) {
      c.close();
    }
  }

  @Test
  void publishedTextAndLoadArriveAsMessageEventsAndALoadSummary() throws Exception {
    Peer receiver = new Peer("--subscribe", "chat", "--load-receive", "bench", "--gossip-stats");
    Peer sender = new Peer("--subscribe", "chat", "--publish", "chat=hello=wörld",
        "--publish-delay", "0", "--load-publish", "bench", "--load-count", "50",
        "--load-rate", "500", "--load-size", "64", "--load-warmup", "20", "--gossip-stats");
    sender.host.dial(receiver.host.listenAddrs().get(0).withPeerId(receiver.host.peerId()))
        .get(10, TimeUnit.SECONDS);
    await().atMost(TIMEOUT).until(() -> sender.gossip.pubsub().topicPeers("bench").get()
        .contains(receiver.host.peerId()) && sender.gossip.pubsub().topicPeers("chat").get()
        .contains(receiver.host.peerId()));

    sender.gossip.publishAll(sender.runner, new java.util.concurrent.CountDownLatch(0), 10);

    assertThat(sender.runner.failed()).as(sender.out.toString(UTF_8)).isFalse();
    JsonNode published = sender.events("published").get(0);
    assertThat(published.path("topic").asText()).isEqualTo("chat");
    assertThat(published.path("recipients").asInt()).isEqualTo(1);
    assertThat(sender.events("load-start").get(0).path("warmup").asInt()).isEqualTo(20);
    assertThat(sender.events("load-published").get(0).path("count").asInt()).isEqualTo(50);
    await().atMost(TIMEOUT).until(() -> !receiver.events("message").isEmpty());
    JsonNode message = receiver.events("message").get(0);
    assertThat(message.path("data").asText()).isEqualTo("hello=wörld");
    assertThat(message.path("from").asText()).isEqualTo(sender.host.peerId().toBase58());
    assertThat(message.path("receivedFrom").asText()).isEqualTo(sender.host.peerId().toBase58());
    assertThat(message.path("seqno").asText()).matches("[0-9a-f]{16}");
    assertThat(message.path("msgId").asText()).endsWith(message.path("seqno").asText());
    assertThat(receiver.events("message")).as("load messages print no message events")
        .hasSize(1);

    await().atMost(TIMEOUT).untilAsserted(() -> {
      receiver.gossip.finalReports().forEach(Runnable::run);
      JsonNode summary = receiver.events("load-summary").get(receiver.events("load-summary")
          .size() - 1);
      assertThat(summary.path("received").asInt()).isEqualTo(50);
      assertThat(summary.path("unique").asInt()).isEqualTo(50);
      assertThat(summary.path("warmup").asInt()).as("warm-up messages are counted apart")
          .isEqualTo(20);
      assertThat(summary.path("lat_ms_p50").asDouble()).isPositive();
      assertThat(summary.path("lat_ms_max").asDouble())
          .isGreaterThanOrEqualTo(summary.path("lat_ms_p99").asDouble());
    });
    JsonNode stats = receiver.events("gossip-stats").get(receiver.events("gossip-stats").size() - 1);
    assertThat(stats.path("peers").has(sender.host.peerId().toBase58())).as(stats.toString())
        .isTrue();
    assertThat(stats.path("total").path("graft_received").asInt()
        + stats.path("total").path("graft_sent").asInt()).isPositive();
  }
}
