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
 * none), plus {@code warmup}, the warm-up messages left out of all of those; {@code by_author}
 * holds the same fields per author (peer id), so a receiver that outlives several load senders
 * reports each one apart. Latencies go into HdrHistograms in microseconds with 3 significant
 * digits (p50/p99 are exact to 0.1%; the maximum is kept exactly). Thread-safe (synchronized):
 * records come from the router thread, the summary from a signal or the shutdown thread.
 */
final class LoadReceiver {

  /** Latencies above an hour are clamped: a message that old means a broken clock. */
  private static final long MAX_MICROS = 3_600_000_000L;

  private final String topic;
  private final Clock clock;
  private final Set<String> seen = new HashSet<>();
  private final Counts all = new Counts();
  private final Map<String, Counts> byAuthor = new LinkedHashMap<>();

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
    Counts mine = byAuthor.computeIfAbsent(author, a -> new Counts());
    LoadPayload p = LoadPayload.decode(data);
    if (p != null && p.warmup()) {
      all.warmup++;
      mine.warmup++;
      return;
    }
    all.received++;
    mine.received++;
    if (p == null || !seen.add(author + "/" + Long.toUnsignedString(p.seq()))) {
      return;
    }
    long micros = Math.max(0, Math.min(MAX_MICROS, receivedMicros - p.sentMicros()));
    all.unique(micros);
    mine.unique(micros);
  }

  /** The {@code load-summary} fields. */
  synchronized Map<String, Object> summary() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("topic", topic);
    all.into(f);
    Map<String, Object> authors = new LinkedHashMap<>();
    byAuthor.forEach((author, c) -> authors.put(author, c.into(new LinkedHashMap<>())));
    f.put("by_author", authors);
    return f;
  }

  /** Counts and latencies of one author, or of all. */
  private static final class Counts {
    final Histogram latencies = new Histogram(MAX_MICROS, 3);
    long received;
    long unique;
    long warmup; // warm-up messages: not in received, unique or the latencies
    long maxMicros = -1;

    void unique(long micros) {
      unique++;
      latencies.recordValue(micros);
      maxMicros = Math.max(maxMicros, micros);
    }

    /** HdrHistogram reports a bucket's highest value: never above the exact maximum. */
    private long percentileMicros(double p) {
      return Math.min(latencies.getValueAtPercentile(p), maxMicros);
    }

    Map<String, Object> into(Map<String, Object> f) {
      f.put("received", received);
      f.put("unique", unique);
      boolean none = latencies.getTotalCount() == 0;
      f.put("lat_ms_p50", none ? null : percentileMicros(50) / 1000.0);
      f.put("lat_ms_p99", none ? null : percentileMicros(99) / 1000.0);
      f.put("lat_ms_max", none ? null : maxMicros / 1000.0);
      f.put("warmup", warmup);
      return f;
    }
  }
}
