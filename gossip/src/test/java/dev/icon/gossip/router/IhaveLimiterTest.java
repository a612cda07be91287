package dev.icon.gossip.router;

import dev.icon.gossip.api.MessageId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IhaveLimiterTest {

  private static List<MessageId> ids(int from, int count) {
    List<MessageId> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      out.add(MessageId.of(new byte[] {(byte) (i >> 16), (byte) (i >> 8), (byte) i}));
    }
    return out;
  }

  @Test
  void defaultsAcceptTenIhavesPerPeerPerHeartbeat() {
    IhaveLimiter<String> limiter = IhaveLimiter.create(GossipConfig.defaults());
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.acceptIhave("p")).isTrue();
    }
    assertThat(limiter.acceptIhave("p")).isFalse();
    assertThat(limiter.acceptIhave("q")).as("budgets are per peer").isTrue();
    limiter.reset();
    assertThat(limiter.acceptIhave("p")).as("restored at heartbeat").isTrue();
  }

  @ParameterizedTest(name = "asked {0} then {1} of budget 5000 -> {2} then {3}")
  @CsvSource({"10,10,10,10", "4990,20,4990,10", "5000,1,5000,0", "6000,1,5000,0", "0,0,0,0"})
  void iwantIsCappedByMaxIhaveLength(int first, int second, int allowedFirst, int allowedSecond) {
    IhaveLimiter<String> limiter = IhaveLimiter.create(GossipConfig.defaults());
    List<MessageId> a = ids(0, first);
    assertThat(limiter.allowIwant("p", a)).hasSize(allowedFirst).isEqualTo(a.subList(0, allowedFirst));
    assertThat(limiter.allowIwant("p", ids(100_000, second))).hasSize(allowedSecond);
    assertThat(limiter.asked("p")).isEqualTo(allowedFirst + allowedSecond);
  }

  @Test
  void spentIwantBudgetMakesFurtherIhavesIgnored() {
    IhaveLimiter<String> limiter = new IhaveLimiter<>(10, 3);
    assertThat(limiter.acceptIhave("p")).isTrue();
    limiter.allowIwant("p", ids(0, 3));
    assertThat(limiter.acceptIhave("p")).isFalse();
    limiter.removePeer("p");
    assertThat(limiter.asked("p")).isZero();
    assertThat(limiter.acceptIhave("p")).isTrue();
  }
}
