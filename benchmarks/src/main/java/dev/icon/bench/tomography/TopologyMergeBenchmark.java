package dev.icon.bench.tomography;

import dev.icon.tomography.map.MapEdge;
import dev.icon.tomography.map.TopologyMap;
import dev.icon.tomography.share.DeltaReceiver;
import dev.icon.tomography.share.DeltaVerdict;
import dev.icon.tomography.share.TopologyDeltaFrame;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Merge throughput of received topology deltas (issue 6): one batch is {@value #BATCH} deltas of
 * 50 edges each, every one newer than what the map holds (so every edge merge wins and replaces a
 * version), into a map that holds 10,000 edges ({@link TopologyData}); the map is rebuilt before
 * each batch. Deltas per second = {@value #BATCH} / (seconds per batch).
 *
 * <ul>
 *   <li>{@code receive}: what a node does per gossip message: decode the protobuf, check limits,
 *       ids, author and times ({@link DeltaReceiver}), merge edges and node kinds.
 *   <li>{@code mergeOnly}: the map's share: the same deltas already decoded, edges merged.
 *   <li>{@code checkOnly}: decode and check, nothing merged.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, batchSize = TopologyMergeBenchmark.BATCH)
@Measurement(iterations = 10, batchSize = TopologyMergeBenchmark.BATCH)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TopologyMergeBenchmark {

  static final int BATCH = 2_000;

  private TopologyData data;
  private List<MapEdge> base;
  private List<TopologyDeltaFrame> frames;
  private List<byte[]> bytes;
  private TopologyMap map;
  private DeltaReceiver receiver;
  private int next;

  @Setup(Level.Trial)
  public void prepare() throws Exception {
    data = new TopologyData();
    int deltasInMap = TopologyData.PATHS * TopologyData.HOPS / TopologyData.DELTA_EDGES;
    base = data.frames(0, deltasInMap, false).stream()
        .flatMap(f -> f.edges().stream()).toList();
    frames = data.frames(0, BATCH, true);
    bytes = data.encoded(frames);
  }

  @Setup(Level.Iteration)
  public void freshMap() {
    map = TopologyData.emptyMap();
    base.forEach(map::merge);
    if (map.edgeCount() != TopologyData.PATHS * TopologyData.HOPS) {
      throw new IllegalStateException("map holds " + map.edgeCount() + " edges");
    }
    receiver = new DeltaReceiver(data.codec, map);
    next = 0;
  }

  @Benchmark
  public DeltaVerdict receive() {
    int d = next++;
    DeltaVerdict v = receiver.receive(data.author(d), bytes.get(d));
    if (v.merged() != TopologyData.DELTA_EDGES) {
      throw new IllegalStateException("delta " + d + " merged " + v.merged() + ": " + v);
    }
    return v;
  }

  @Benchmark
  public int mergeOnly() {
    int merged = 0;
    for (MapEdge e : frames.get(next++).edges()) {
      if (map.merge(e)) {
        merged++;
      }
    }
    return merged;
  }

  @Benchmark
  public DeltaVerdict checkOnly() {
    int d = next++;
    return receiver.check(data.author(d), bytes.get(d));
  }
}
