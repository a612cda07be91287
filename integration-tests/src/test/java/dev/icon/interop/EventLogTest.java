package dev.icon.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventLogTest {

  private static JsonNode event(String name, int n) {
    return JsonNodeFactory.instance.objectNode().put("event", name).put("n", n);
  }

  @Test
  void findsAnEventRecordedBeforeTheCall() throws Exception {
    EventLog log = new EventLog(10);
    log.add(event("a", 1));
    log.add(event("b", 2));

    assertThat(log.await(PeerProcess.named("a"), Duration.ZERO)).map(e -> e.path("n").asInt()).contains(1);
  }

  @Test
  void waitsForAnEventAddedByAnotherThread() throws Exception {
    EventLog log = new EventLog(10);
    CompletableFuture<Optional<JsonNode>> waiter = CompletableFuture.supplyAsync(() -> {
      try {
        return log.await(PeerProcess.named("late"), Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    log.add(event("early", 1));
    log.add(event("late", 2));

    assertThat(waiter.get(30, TimeUnit.SECONDS)).map(e -> e.path("n").asInt()).contains(2);
  }

  @Test
  void stopsWaitingWhenTheOutputEnds() throws Exception {
    EventLog log = new EventLog(10);
    log.add(event("a", 1));
    log.end();

    long start = System.nanoTime();
    assertThat(log.await(PeerProcess.named("never"), Duration.ofSeconds(30))).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void dropsTheOldestEventsBeyondCapacity() throws Exception {
    EventLog log = new EventLog(3);
    for (int n = 1; n <= 5; n++) {
      log.add(event("e", n));
    }

    assertThat(log.matching(PeerProcess.named("e"))).extracting(e -> e.path("n").asInt()).containsExactly(3, 4, 5);
    assertThat(log.tail(10)).startsWith("[2 earlier events dropped]");
  }

  @Test
  void tailBufferKeepsTheLastCharacters() {
    TailBuffer buffer = new TailBuffer(8);
    buffer.appendLine("abcdef");
    buffer.appendLine("xyz");

    assertThat(buffer.toString()).isEqualTo("[3 earlier characters dropped]\ndef\nxyz\n");
    assertThatThrownBy(() -> new TailBuffer(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
