package dev.icon.gossip.router;

import dev.icon.gossip.api.MessageId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeerGossipPromisesTest {

  private static MessageId id(int n) {
    return MessageId.of(new byte[] {(byte) (n >> 8), (byte) n});
  }

  private final ManualNanoClock clock = new ManualNanoClock();
  // iwantFollowupTime 3 s.
  private final PeerGossipPromises<String> promises =
      PeerGossipPromises.create(GossipConfig.defaults(), clock, new Random(42));

  @ParameterizedTest(name = "checked {0} ms after the IWANT: broken={1}")
  @CsvSource({"0,false", "2999,false", "3000,false", "3001,true", "10000,true"})
  void promiseBreaksAfterFollowupTime(long afterMillis, boolean broken) {
    promises.promise("p", List.of(id(1)));
    clock.advance(Duration.ofMillis(afterMillis));
    Map<String, Integer> result = promises.collectBroken();
    assertThat(result.containsKey("p")).isEqualTo(broken);
    assertThat(promises.isPromised("p", id(1))).isEqualTo(!broken);
  }

  @Test
  void deliveryFromAnyPeerFulfilsAllPromisesForTheMessage() {
    promises.promise("p", List.of(id(1)));
    promises.promise("q", List.of(id(1)));
    assertThat(promises.fulfil(id(1))).isEqualTo(2);
    clock.advance(Duration.ofSeconds(10));
    assertThat(promises.collectBroken()).isEmpty();
    assertThat(promises.fulfil(id(1))).isZero();
  }

  @Test
  void brokenPromisesAreCountedPerPeerOnce() {
    promises.promise("p", List.of(id(1)));
    promises.promise("p", List.of(id(2)));
    promises.promise("q", List.of(id(2)));
    promises.promise("r", List.of(id(3)));
    promises.fulfil(id(3));
    clock.advance(Duration.ofSeconds(4));
    assertThat(promises.collectBroken()).containsExactlyInAnyOrderEntriesOf(Map.of("p", 2, "q", 1));
    assertThat(promises.collectBroken()).as("forgotten once counted").isEmpty();
    assertThat(promises.size()).isZero();
  }

  @Test
  void repeatedPromiseKeepsEarlierDeadline() {
    promises.promise("p", List.of(id(1)));
    clock.advance(Duration.ofSeconds(2));
    promises.promise("p", List.of(id(1)));
    clock.advance(Duration.ofMillis(1001 + 100));
    assertThat(promises.collectBroken()).containsEntry("p", 1);
  }

  @Test
  void tracksOneRandomIdPerIwant() {
    List<MessageId> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add(id(i));
    }
    Set<MessageId> chosen = new HashSet<>();
    for (int round = 0; round < 200; round++) {
      MessageId c = promises.promise("p" + round, ids);
      assertThat(ids).contains(c);
      chosen.add(c);
    }
    assertThat(promises.size()).isEqualTo(chosen.size());
    assertThat(chosen).as("the choice is spread over the ids").hasSizeGreaterThan(5);
    assertThat(promises.promise("p", List.of())).isNull();
  }

  @Test
  void sameSeedSameChoice() {
    List<MessageId> ids = List.of(id(1), id(2), id(3), id(4));
    PeerGossipPromises<String> a = new PeerGossipPromises<>(Duration.ofSeconds(3), clock, new Random(7));
    PeerGossipPromises<String> b = new PeerGossipPromises<>(Duration.ofSeconds(3), clock, new Random(7));
    for (int i = 0; i < 20; i++) {
      assertThat(a.promise("p", ids)).isEqualTo(b.promise("p", ids));
    }
  }
}
