package dev.icon.node.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadReceiverTest {

  private final LoadReceiver receiver = new LoadReceiver("t", Clock.systemUTC());

  private static byte[] payload(long seq, long sentMicros) {
    return new LoadPayload(seq, sentMicros).encode(LoadPayload.HEADER_BYTES);
  }

  @Test
  void duplicatesCountAsReceivedButNotUniqueAndLatenciesAreSummarised() {
    for (int seq = 0; seq < 100; seq++) { // latencies 1..100 ms
      receiver.record("A", payload(seq, 1_000_000), 1_000_000 + (seq + 1) * 1000L);
    }
    receiver.record("A", payload(5, 1_000_000), 9_000_000); // duplicate: no latency sample
    receiver.record("B", payload(5, 1_000_000), 1_000_500); // same seq, other author: unique

    Map<String, Object> s = receiver.summary();
    assertThat(s).containsEntry("topic", "t").containsEntry("received", 102L)
        .containsEntry("unique", 101L);
    assertThat((double) s.get("lat_ms_p50")).isCloseTo(50, within(0.05));
    assertThat((double) s.get("lat_ms_p99")).isCloseTo(99, within(0.1));
    assertThat(s.get("lat_ms_max")).isEqualTo(100.0);
  }

  @Test
  void percentilesNeverExceedTheExactMaximumDespiteHistogramBuckets() {
    for (int seq = 0; seq < 100; seq++) { // 401.789 ms: a bucket whose top is 401.919 ms
      receiver.record("A", payload(seq, 0), 401_789);
    }
    Map<String, Object> s = receiver.summary();
    assertThat(s.get("lat_ms_max")).isEqualTo(401.789);
    assertThat((double) s.get("lat_ms_p99")).isEqualTo(401.789);
    assertThat((double) s.get("lat_ms_p50")).isEqualTo(401.789);
  }

  @Test
  void latenciesAreNullWhenNothingArrived() {
    Map<String, Object> s = receiver.summary();
    assertThat(s).containsEntry("received", 0L).containsEntry("unique", 0L)
        .containsEntry("lat_ms_p50", null).containsEntry("lat_ms_p99", null)
        .containsEntry("lat_ms_max", null);
  }

  @Test
  void warmUpMessagesAreCountedApartAndLeftOutOfTheSummary() {
    receiver.record("A", payload(LoadPayload.WARMUP_FLAG | 0, 0), 9_000_000);
    receiver.record("A", payload(LoadPayload.WARMUP_FLAG | 1, 0), 9_000_000);
    receiver.record("A", payload(0, 1_000), 3_000);
    assertThat(receiver.summary()).containsEntry("received", 1L).containsEntry("unique", 1L)
        .containsEntry("warmup", 2L).containsEntry("lat_ms_max", 2.0);
  }

  @Test
  @SuppressWarnings("unchecked")
  void eachAuthorIsAlsoSummarisedApart() {
    receiver.record("A", payload(LoadPayload.WARMUP_FLAG | 0, 0), 9_000_000);
    receiver.record("A", payload(0, 1_000), 3_000);
    receiver.record("A", payload(0, 1_000), 4_000); // duplicate
    receiver.record("B", payload(0, 1_000), 11_000);
    receiver.record("B", payload(1, 1_000), 21_000);

    Map<String, Map<String, Object>> by =
        (Map<String, Map<String, Object>>) receiver.summary().get("by_author");
    assertThat(by.keySet()).containsExactly("A", "B");
    assertThat(by.get("A")).containsEntry("received", 2L).containsEntry("unique", 1L)
        .containsEntry("warmup", 1L).containsEntry("lat_ms_max", 2.0);
    assertThat(by.get("B")).containsEntry("received", 2L).containsEntry("unique", 2L)
        .containsEntry("warmup", 0L).containsEntry("lat_ms_max", 20.0);
    assertThat((double) by.get("B").get("lat_ms_p50")).isCloseTo(10, within(0.01));
  }

  @Test
  void aPayloadTooShortToCarryTheHeaderCountsOnlyAsReceived() {
    receiver.record("A", new byte[3], 5);
    assertThat(receiver.summary()).containsEntry("received", 1L).containsEntry("unique", 0L);
  }
}
