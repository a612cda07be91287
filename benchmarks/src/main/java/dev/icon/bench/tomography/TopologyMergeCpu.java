package dev.icon.bench.tomography;

import dev.icon.tomography.map.MapEdge;
import dev.icon.tomography.map.TopologyMap;
import dev.icon.tomography.share.DeltaReceiver;
import dev.icon.tomography.share.TopologyDeltaFrame;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * {@link TopologyMergeBenchmark}'s {@code receive} and {@code mergeOnly} timed by the thread's CPU
 * time as well as the wall clock, for machines shared with other work where wall-clock JMH
 * figures swing with the load: deltas per CPU second do not. Same data: batches of 2,000 deltas of
 * 50 edges into a fresh 10,000-edge map; warm-up rounds first, then the median of the measured ones.
 *
 * <pre>java -cp "benchmarks/target/classes:benchmarks/target/lib/*"
 *     dev.icon.bench.tomography.TopologyMergeCpu [warmup-rounds] [rounds]</pre>
 */
public final class TopologyMergeCpu {

  private TopologyMergeCpu() {}

  public static void main(String[] args) throws Exception {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    TopologyData data = new TopologyData();
    int batch = TopologyMergeBenchmark.BATCH;
    List<MapEdge> base = data.frames(0, TopologyData.PATHS * TopologyData.HOPS
        / TopologyData.DELTA_EDGES, false).stream().flatMap(f -> f.edges().stream()).toList();
    List<TopologyDeltaFrame> frames = data.frames(0, batch, true);
    List<byte[]> bytes = data.encoded(frames);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (String what : List.of("receive", "mergeOnly")) {
      long[] cpu = new long[rounds];
      long[] wall = new long[rounds];
      for (int r = -warmup; r < rounds; r++) {
        TopologyMap map = TopologyData.emptyMap();
        base.forEach(map::merge);
        DeltaReceiver receiver = new DeltaReceiver(data.codec, map);
        long c0 = threads.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        long merged = 0;
        for (int d = 0; d < batch; d++) {
          if (what.equals("receive")) {
            merged += receiver.receive(data.author(d), bytes.get(d)).merged();
          } else {
            for (MapEdge e : frames.get(d).edges()) {
              merged += map.merge(e) ? 1 : 0;
            }
          }
        }
        long c1 = threads.getCurrentThreadCpuTime();
        long w1 = System.nanoTime();
        if (merged != (long) batch * TopologyData.DELTA_EDGES) {
          throw new IllegalStateException(what + " merged " + merged);
        }
        if (r >= 0) {
          cpu[r] = c1 - c0;
          wall[r] = w1 - w0;
        }
      }
      java.util.Arrays.sort(cpu);
      java.util.Arrays.sort(wall);
      long cpuMedian = cpu[rounds / 2];
      long wallMedian = wall[rounds / 2];
      System.out.printf("{\"event\":\"topology-merge\",\"what\":\"%s\",\"deltas\":%d,"
          + "\"edges_per_delta\":%d,\"map_edges\":%d,\"cpu_ms_median\":%.1f,"
          + "\"wall_ms_median\":%.1f,\"deltas_per_cpu_second\":%.0f,"
          + "\"deltas_per_wall_second\":%.0f,\"us_per_delta_cpu\":%.1f}%n",
          what, batch, TopologyData.DELTA_EDGES, TopologyData.PATHS * TopologyData.HOPS,
          cpuMedian / 1e6, wallMedian / 1e6, batch / (cpuMedian / 1e9),
          batch / (wallMedian / 1e9), cpuMedian / 1e3 / batch);
    }
  }
}
