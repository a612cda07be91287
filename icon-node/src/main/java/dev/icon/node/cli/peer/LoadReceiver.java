package dev.icon.node.cli.peer;

import dev.icon.gossip.api.GossipMessage;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Counts the load messages of one topic and their latency, for the {@code load-summary} event:
 * {@code received} deliveries, {@code unique} distinct (author, sequence number) pairs, and the
 * nearest-rank p50, p99 and maximum of the latencies of unique messages in ms ({@code null} when
 * none). Latencies go into an HdrHistogram in microseconds with 3 significant digits (p50/p99 are
 * exact to 0.1%; the maximum is kept exactly). Thread-safe (synchronized): records come from the
 * router thread, the summary from the shutdown thread.
 */
final class LoadReceiver {

  /** Latencies above an hour are clamped: a message that old means a broken clock. */
  private static final long MAX_MICROS = 3_600_000_000L;

  private final String topic;
  private final Clock clock;
  private final Histogram latencies = new Histogram(MAX_MICROS, 3);
  private final Set<String> seen = new HashSet<>();
  private long received;
  private long maxMicros = -1;

  LoadReceiver(String topic, Clock clock) {
    this.topic = topic;
    this.clock = clock;
  }

  String topic() {
    return topic;
  }

  /** Records a delivered message now. */
  void record(GossipMessage m) {
    record(m.from() == null ? "" : m.from().toBase58(), m.data(), LoadPayload.nowMicros(clock));
  }

  /** Records a payload from {@code author} received at {@code receivedMicros}. */
  synchronized void record(String author, byte[] data, long receivedMicros) {
    received++;
    LoadPayload p = LoadPayload.decode(data);
    if (p == null || !seen.add(author + "/" + Long.toUnsignedString(p.seq()))) {
      return;
    }
    long micros = Math.max(0, Math.min(MAX_MICROS, receivedMicros - p.sentMicros()));
    latencies.recordValue(micros);
    maxMicros = Math.max(maxMicros, micros);
  }

  /** HdrHistogram reports a bucket's highest value: never above the exact maximum. */
  private long percentileMicros(double p) {
    return Math.min(latencies.getValueAtPercentile(p), maxMicros);
  }

  /** The {@code load-summary} fields. */
  synchronized Map<String, Object> summary() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("topic", topic);
    f.put("received", received);
    f.put("unique", seen.size());
    boolean none = latencies.getTotalCount() == 0;
    f.put("lat_ms_p50", none ? null : percentileMicros(50) / 1000.0);
    f.put("lat_ms_p99", none ? null : percentileMicros(99) / 1000.0);
    f.put("lat_ms_max", none ? null : maxMicros / 1000.0);
    return f;
  }
}
