package dev.icon.bench.gossip;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.gossip.core.GossipProtocols;
import dev.icon.gossip.core.GossipRouter;
import dev.icon.gossip.core.GossipRouterOptions;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.gossip.score.PeerScoreParams;
import dev.icon.gossip.score.PeerScoreThresholds;
import dev.icon.gossip.score.TopicScoreParams;
import dev.icon.gossip.wire.MessageSigner;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The gossipsub router's per-message cost (issue 4), without any network: a {@link GossipRouter}
 * with {@code peers} connected, subscribed peers whose {@link dev.icon.gossip.core.GossipPeerLink}
 * hands every outbound RPC to a {@link Blackhole} (RPCs are built, never serialized or written).
 *
 * <ul>
 *   <li>{@link #receiveNew}: one inbound RPC carrying a distinct, signed 1 KiB message from a mesh
 *       peer, parsed from its protobuf bytes: parse, Ed25519 verification, message id, seen cache,
 *       IDONTWANT to the mesh, scoring (when on), message cache, delivery, forwarding to the mesh.
 *   <li>{@link #receiveDuplicate}: the same for a message the router has already seen, from another
 *       peer: parse, message id, seen-cache hit, duplicate accounting. The router looks at the
 *       seen cache before verifying the signature (as go and js do), so no verification; compare
 *       with {@link MessageSignatureBenchmark}.
 *   <li>{@link #publish}: our own 1 KiB message: Ed25519 signing, id, caches, flood publishing to
 *       every subscribed peer.
 * </ul>
 *
 * <p>The messages are signed in setup by four authors outside the peer set, {@value #POOL} of them;
 * they are reused only after the manual clock has moved past the seen TTL. Every {@value
 * #HEARTBEAT_EVERY} messages the benchmark advances the clock by one heartbeat interval and runs
 * {@link GossipRouter#heartbeat()}, so caches stay at their steady-state size: the amortised
 * heartbeat is part of the per-message figure, as it is in a running node. Run with {@code -prof gc}
 * for allocations per message ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class GossipRouterBenchmark {

  static final int POOL = 1 << 14;
  static final int HEARTBEAT_EVERY = 4096;
  private static final String TOPIC = "bench";
  private static final int SIZE = 1024;

  /** Connected peers subscribed to the topic (the mesh holds D = 6 of them). */
  @Param({"20"})
  public int peers;

  /** Peer scoring with the default topic profile ("on"), or none ("off"). */
  @Param({"off", "on"})
  public String scoring;

  private long now;
  private GossipRouter router;
  private PeerId[] peerIds;
  private byte[][] rpcs;
  private byte[] payload;
  private int next;
  private int sinceHeartbeat;
  private Blackhole sink;
  private long heartbeatNanos;
  private long seenTtlNanos;

  @Setup(Level.Trial)
  public void setUp(Blackhole blackhole, BenchmarkParams params) throws Exception {
    sink = blackhole;
    String name = params.getBenchmark();
    SecureRandom keys = SecureRandom.getInstance("SHA1PRNG");
    keys.setSeed(42);
    GossipConfig config = GossipConfig.defaults();
    heartbeatNanos = config.heartbeatInterval().toNanos();
    seenTtlNanos = config.seenTtl().toNanos();
    GossipRouterOptions options = GossipRouterOptions.unscored(config, () -> now,
        new SplittableRandom(7));
    if (scoring.equals("on")) {
      options = options.withScoring(
          PeerScoreParams.builder().topic(TOPIC, TopicScoreParams.defaults()).build(),
          PeerScoreThresholds.defaults());
    }
    router = new GossipRouter(PrivateKey.generateEd25519(keys), options,
        (peer, rpc) -> sink.consume(rpc), (topic, msg, id, from) -> sink.consume(msg));
    RPC subscribe = RPC.newBuilder()
        .addSubscriptions(RPC.SubOpts.newBuilder().setTopicid(TOPIC).setSubscribe(true)).build();
    peerIds = new PeerId[peers];
    for (int i = 0; i < peers; i++) {
      peerIds[i] = PrivateKey.generateEd25519(keys).publicKey().peerId();
      router.addPeer(peerIds[i], i % 2 == 0, GossipProtocols.MESHSUB_V12);
      router.handleRpc(peerIds[i], subscribe);
    }
    router.subscribe(TOPIC);
    heartbeat();
    payload = new byte[SIZE];
    new SplittableRandom(1).nextBytes(payload);
    MessageSigner[] authors = new MessageSigner[4];
    for (int i = 0; i < authors.length; i++) {
      authors[i] = new MessageSigner(PrivateKey.generateEd25519(keys));
    }
    rpcs = new byte[POOL][];
    for (int i = 0; i < POOL; i++) {
      byte[] data = payload.clone();
      data[0] = (byte) i;
      data[1] = (byte) (i >>> 8);
      rpcs[i] = RPC.newBuilder().addPublish(authors[i % authors.length].sign(TOPIC, data, i))
          .build().toByteArray();
    }
    if (name.endsWith(".receiveDuplicate")) {
      markPoolSeen();
    }
  }

  /** For {@link #receiveDuplicate}: every pooled message is seen once; the clock then stands still. */
  private void markPoolSeen() throws InvalidProtocolBufferException {
    for (int i = 0; i < POOL; i++) {
      router.handleRpc(peerIds[i % peers], RPC.parseFrom(rpcs[i]));
      if ((i + 1) % HEARTBEAT_EVERY == 0) {
        heartbeat();
      }
    }
  }

  @Benchmark
  public void receiveNew() throws InvalidProtocolBufferException {
    if (next == POOL) {
      next = 0;
      now += seenTtlNanos; // the pool's ids expire from the seen cache before they come back
    }
    int i = next++;
    router.handleRpc(peerIds[i % peers], RPC.parseFrom(rpcs[i]));
    tick();
  }

  @Benchmark
  public void receiveDuplicate() throws InvalidProtocolBufferException {
    int i = next;
    next = (next + 1) % POOL;
    // From another peer than the one that delivered it first.
    router.handleRpc(peerIds[(i + 1) % peers], RPC.parseFrom(rpcs[i]));
  }

  @Benchmark
  public void publish(Blackhole bh) {
    bh.consume(router.publish(TOPIC, payload));
    tick();
  }

  private void tick() {
    if (++sinceHeartbeat == HEARTBEAT_EVERY) {
      heartbeat();
    }
  }

  private void heartbeat() {
    sinceHeartbeat = 0;
    now += heartbeatNanos;
    router.heartbeat();
  }
}
