package dev.icon.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the gossip benchmark relies on to keep one warmed-up network of receivers across many
 * load senders: a load receiver ({@code ./icon peer} and the js peer alike) prints its {@code
 * load-summary} on SIGHUP and keeps running, with each sender's figures apart under {@code
 * by_author}.
 */
class LoadSummaryOnHangUpIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final String TOPIC = "hup-load";
  private static final int COUNT = 20;

  @Test
  void javaAndJsReceiversReportEachSenderOnSighupAndKeepRunning() {
    try (PeerProcess javaReceiver = PeerProcess.startIcon("--load-receive", TOPIC);
        PeerProcess jsReceiver = PeerProcess.start("--load-receive", TOPIC,
            "--dial", javaReceiver.listenAddr())) {
      jsReceiver.awaitEvent("dialed", TIMEOUT);
      try (PeerProcess javaSender = sender(true, javaReceiver.listenAddr());
          PeerProcess jsSender = sender(false, jsReceiver.listenAddr())) {
        for (PeerProcess s : List.of(javaSender, jsSender)) {
          assertThat(s.awaitEvent("load-start", TIMEOUT).path("warmup").asInt()).isEqualTo(5);
          assertThat(s.awaitEvent("load-published", TIMEOUT).path("count").asInt()).isEqualTo(COUNT);
        }
        for (PeerProcess receiver : List.of(javaReceiver, jsReceiver)) {
          JsonNode summary = summaryWithAll(receiver, List.of(javaSender, jsSender));
          assertThat(summary.path("unique").asInt()).isEqualTo(2 * COUNT);
          assertThat(summary.path("warmup").asInt()).isEqualTo(2 * 5);
          assertThat(receiver.events("shutdown")).as("still running").isEmpty();
        }
      }
    }
  }

  private static PeerProcess sender(boolean java, String dial) {
    List<String> args = List.of("--dial", dial, "--publish-delay", "3000", "--load-publish", TOPIC,
        "--load-count", String.valueOf(COUNT), "--load-rate", "50", "--load-size", "64",
        "--load-warmup", "5", "--duration", "120"); // stays up: queued messages still go out
    return java ? PeerProcess.startIcon(args.toArray(String[]::new)) : PeerProcess.start(args);
  }

  /** Hangs up until a load-summary shows every sender's messages, each under its own author. */
  private static JsonNode summaryWithAll(PeerProcess receiver, List<PeerProcess> senders) {
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
      int before = receiver.events("load-summary").size();
      receiver.hangUp();
      await().atMost(TIMEOUT).until(() -> receiver.events("load-summary").size() > before);
      return complete(last(receiver), senders);
    });
    JsonNode summary = last(receiver);
    for (PeerProcess s : senders) {
      JsonNode mine = summary.path("by_author").path(s.peerId());
      assertThat(mine.path("warmup").asInt()).as(s.peerId() + " in " + summary).isEqualTo(5);
      assertThat(mine.path("lat_ms_p99").isNumber()).isTrue();
    }
    return summary;
  }

  private static JsonNode last(PeerProcess receiver) {
    List<JsonNode> all = receiver.events("load-summary");
    return all.get(all.size() - 1);
  }

  private static boolean complete(JsonNode summary, List<PeerProcess> senders) {
    return senders.stream().allMatch(s ->
        summary.path("by_author").path(s.peerId()).path("unique").asInt() == COUNT);
  }
}
