package dev.icon.gossip.router;

import dev.icon.gossip.api.MessageId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DontWantTrackerTest {

  private static MessageId id(int n) {
    return MessageId.of(new byte[] {(byte) (n >> 8), (byte) n});
  }

  private static List<MessageId> ids(int from, int count) {
    List<MessageId> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      out.add(id(i));
    }
    return out;
  }

  @Test
  void rememberedPerPeer() {
    DontWantTracker<String> t = DontWantTracker.create(GossipConfig.defaults());
    assertThat(t.add("p", List.of(id(1), id(2)))).isEqualTo(2);
    assertThat(t.dontSend("p", id(1))).isTrue();
    assertThat(t.dontSend("q", id(1))).isFalse();
    assertThat(t.dontSend("p", id(3))).isFalse();
    t.removePeer("p");
    assertThat(t.dontSend("p", id(1))).isFalse();
  }

  /** TTL 3 heartbeats (default): an id added before heartbeat k is gone after heartbeat k+2. */
  @ParameterizedTest(name = "after {0} heartbeats: remembered={1}")
  @CsvSource({"0,true", "1,true", "2,true", "3,false", "4,false"})
  void idsAgeOutAfterTtlHeartbeats(int heartbeats, boolean remembered) {
    DontWantTracker<String> t = DontWantTracker.create(GossipConfig.defaults());
    t.add("p", List.of(id(1)));
    for (int i = 0; i < heartbeats; i++) {
      t.heartbeat();
    }
    assertThat(t.dontSend("p", id(1))).isEqualTo(remembered);
  }

  @Test
  void reAddKeepsFirstSighting() {
    DontWantTracker<String> t = new DontWantTracker<>(100, 2);
    t.add("p", List.of(id(1)));
    t.heartbeat();
    t.add("p", List.of(id(1), id(2)));
    t.heartbeat();
    assertThat(t.dontSend("p", id(1))).isFalse();
    assertThat(t.dontSend("p", id(2))).isTrue();
    assertThat(t.size("p")).isEqualTo(1);
  }

  @Test
  void perHeartbeatBudgetBoundsState() {
    DontWantTracker<String> t = new DontWantTracker<>(5, 3);
    assertThat(t.add("p", ids(0, 3))).isEqualTo(3);
    assertThat(t.add("p", ids(3, 4))).isEqualTo(2);
    assertThat(t.dontSend("p", id(4))).isTrue();
    assertThat(t.dontSend("p", id(5))).isFalse();
    assertThat(t.add("q", ids(0, 9))).as("budget is per peer").isEqualTo(5);
    t.heartbeat();
    assertThat(t.add("p", ids(100, 9))).as("restored at heartbeat").isEqualTo(5);
  }

  @Test
  void floodStaysBoundedByBudgetTimesTtl() {
    DontWantTracker<String> t = new DontWantTracker<>(1000, 3);
    for (int hb = 0; hb < 50; hb++) {
      t.add("p", ids(hb * 2000, 2000));
      t.heartbeat();
    }
    assertThat(t.size("p")).isLessThanOrEqualTo(3000);
  }

  @Test
  void zeroBudgetIgnoresEverything() {
    DontWantTracker<String> t = new DontWantTracker<>(0, 3);
    assertThat(t.add("p", List.of(id(1)))).isZero();
    assertThat(t.dontSend("p", id(1))).isFalse();
  }
}
