package dev.icon.bench.tomography;

import dev.icon.tomography.map.NodeKind;
import dev.icon.tomography.map.TopologyMap;
import dev.icon.tomography.share.DeltaReceiver;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import org.openjdk.jol.info.GraphLayout;

/**
 * Memory of a topology map per 10,000 edges (issue 6): builds the 10,000-edge map of {@link
 * TopologyData} twice, once as a peer that received it (200 encoded deltas of 50 edges through
 * {@link DeltaReceiver}: every id and observer string is a decoded copy) and once as the observer
 * that measured it ({@link TopologyMap#observe}, three samples per edge), and prints for each the
 * retained size by JOL's walk of the map's object graph and the heap growth after repeated full
 * GCs, in bytes per edge. Run with nothing else in the JVM (JOL needs the magic field offset on
 * JDK 17+, where lambdas are hidden classes):
 *
 * <pre>java -Djol.magicFieldOffset=true -cp "benchmarks/target/classes:benchmarks/target/lib/*"
 *     dev.icon.bench.tomography.TopologyMapFootprint</pre>
 */
public final class TopologyMapFootprint {

  private TopologyMapFootprint() {}

  public static void main(String[] args) throws Exception {
    TopologyData data = new TopologyData();
    int edges = TopologyData.PATHS * TopologyData.HOPS;
    long before = heapAfterGc(); // the deltas are garbage again when the map is measured
    List<byte[]> deltas = data.encoded(data.frames(0, edges / TopologyData.DELTA_EDGES, false));
    TopologyMap received = TopologyData.emptyMap();
    DeltaReceiver receiver = new DeltaReceiver(data.codec, received);
    for (int d = 0; d < deltas.size(); d++) {
      receiver.receive(data.author(d), deltas.get(d));
    }
    deltas = null; // only the map stays reachable
    long after = heapAfterGc();
    report("received", received, after - before);

    before = heapAfterGc();
    TopologyMap observed = TopologyData.emptyMap();
    String self = data.observers[0].toBase58();
    for (int k = 0; k < edges; k++) {
      var key = TopologyData.key(k);
      for (double rtt : new double[] {1.0 + k % 7, 2.0 + k % 7, 3.0 + k % 7}) {
        observed.observe(key.a(), NodeKind.ROUTER, key.b(), TopologyData.kind(key.b(), k), rtt,
            self, TopologyData.BASE);
      }
    }
    after = heapAfterGc();
    report("observed", observed, after - before);
    if (received.edgeCount() + observed.edgeCount() != 2 * edges) {
      throw new IllegalStateException("maps hold " + received.edgeCount() + " and "
          + observed.edgeCount() + " edges");
    }
  }

  private static void report(String how, TopologyMap map, long heapGrowth) {
    long jol = GraphLayout.parseInstance(map).totalSize();
    int edges = map.edgeCount();
    int nodes = map.snapshot().nodes().size();
    System.out.printf("{\"event\":\"topology-map-footprint\",\"map\":\"%s\",\"edges\":%d,"
        + "\"nodes\":%d,\"jol_bytes\":%d,\"jol_bytes_per_edge\":%.1f,"
        + "\"heap_growth_bytes\":%d,\"heap_bytes_per_edge\":%.1f,\"jol_mb_per_10000_edges\":%.2f}%n",
        how, edges, nodes, jol, (double) jol / edges, heapGrowth, (double) heapGrowth / edges,
        jol / 1e6 * 10_000 / edges);
  }

  private static long heapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) { // until it stops shrinking
      System.gc();
      Thread.sleep(100); // let reference processing finish between collections
      long now = memory.getHeapMemoryUsage().getUsed();
      if (now >= used) {
        break;
      }
      used = now;
    }
    return Math.min(used, memory.getHeapMemoryUsage().getUsed());
  }

}
