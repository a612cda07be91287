package dev.icon.overlay.kad;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.kad.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@link Lookup} against hand-written peers: concurrency, convergence, failures, stopping. */
class LookupTest {

  private final Random random = new Random(11);
  private final PeerId self = TestPeers.random(random);
  private final VirtualTime time = new VirtualTime();
  private final KadConfig config = KadConfig.forTests().toBuilder().k(4).alpha(2)
      .maxCloserPeersPerResponse(6).requestTimeout(Duration.ofSeconds(1)).build();
  private final byte[] targetBytes = TestPeers.random(random).toBytes();
  private final KadKey target = KadKey.of(targetBytes);
  private final Message request = Message.newBuilder().setType(Message.MessageType.FIND_NODE)
      .setKey(ByteString.copyFrom(targetBytes)).build();
  private final List<PeerId> asked = new ArrayList<>();
  private int inFlight;
  private int maxInFlight;

  private static Message.Peer wire(PeerId p) {
    return Message.Peer.newBuilder().setId(ByteString.copyFrom(p.toBytes())).build();
  }

  private static Message reply(List<PeerId> closer) {
    Message.Builder b = Message.newBuilder().setType(Message.MessageType.FIND_NODE);
    closer.forEach(p -> b.addCloserPeers(wire(p)));
    return b.build();
  }

  private List<PeerId> sortedByDistance(List<PeerId> peers) {
    List<PeerId> out = new ArrayList<>(peers);
    out.sort(Comparator.comparing(KadKey::of, target.byDistance()));
    return out;
  }

  /** A querier answering after 10 ms with {@code answer.apply(peer)}; null = never answer. */
  private KadQuerier querier(Function<PeerId, Message> answer) {
    return (peer, req) -> {
      asked.add(peer.id());
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      CompletableFuture<Message> f = new CompletableFuture<>();
      Message m = answer.apply(peer.id());
      if (m != null) {
        time.after(10, () -> {
          inFlight--;
          f.complete(m);
        });
      } else {
        time.after(config.requestTimeout().toMillis(), () -> inFlight--);
      }
      return f;
    };
  }

  private LookupResult run(List<PeerId> seeds, KadQuerier querier, LookupHandler handler) {
    CompletableFuture<LookupResult> f = new Lookup(self, request,
        seeds.stream().map(KadPeer::of).toList(), config, querier, time, handler).start();
    time.runUntilIdle();
    assertThat(f).isDone();
    return f.join();
  }

  @Test
  void convergesOnTheKClosestWithAtMostAlphaInFlight() {
    List<PeerId> all = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      all.add(TestPeers.random(random));
    }
    List<PeerId> best = sortedByDistance(all);
    // Everyone knows everyone: answers with its k closest to the target.
    LookupResult r = run(best.subList(20, 30),
        querier(p -> reply(best.subList(0, config.k()))), LookupHandler.NONE);

    assertThat(r.termination()).isEqualTo(LookupResult.Termination.CONVERGED);
    assertThat(r.closest()).containsExactlyElementsOf(best.subList(0, config.k()));
    assertThat(maxInFlight).isEqualTo(config.alpha());
    assertThat(r.maxHops()).isEqualTo(2);
    assertThat(r.find(best.get(0))).hasValueSatisfying(s -> assertThat(s.depth()).isEqualTo(1));
    assertThat(asked).doesNotHaveDuplicates().doesNotContain(self);
  }

  @Test
  void deadPeersTimeOutAndTheNextCandidatesTakeTheirPlace() {
    List<PeerId> peers = sortedByDistance(List.of(TestPeers.random(random),
        TestPeers.random(random), TestPeers.random(random), TestPeers.random(random),
        TestPeers.random(random), TestPeers.random(random)));
    PeerId dead = peers.get(0);
    LookupResult r = run(peers, querier(p -> p.equals(dead) ? null : reply(List.of())),
        LookupHandler.NONE);

    assertThat(r.termination()).isEqualTo(LookupResult.Termination.CONVERGED);
    assertThat(r.timedOut()).isEqualTo(1);
    assertThat(r.unresponsive()).containsExactly(dead);
    assertThat(r.closest()).containsExactlyElementsOf(peers.subList(1, 5));
    assertThat(time.nowMillis()).isGreaterThanOrEqualTo(config.requestTimeout().toMillis());
  }

  @Test
  void failedAndThrowingQueriesCountAsFailures() {
    List<PeerId> peers = sortedByDistance(List.of(TestPeers.random(random),
        TestPeers.random(random), TestPeers.random(random)));
    KadQuerier querier = (peer, req) -> {
      if (peer.id().equals(peers.get(0))) {
        throw new IllegalStateException("no route");
      }
      if (peer.id().equals(peers.get(1))) {
        return CompletableFuture.failedFuture(new KadException(KadError.MALFORMED_MESSAGE, "junk"));
      }
      return CompletableFuture.completedFuture(reply(List.of()));
    };
    LookupResult r = run(peers, querier, LookupHandler.NONE);
    assertThat(r.failed()).isEqualTo(2);
    assertThat(r.unresponsive()).containsExactly(peers.get(0), peers.get(1));
    assertThat(r.closest()).containsExactly(peers.get(2));
  }

  @Test
  void garbageIdsAndFloodsInAnswersAreDroppedAndCounted() {
    PeerId liar = TestPeers.random(random);
    List<PeerId> flood = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      flood.add(TestPeers.random(random));
    }
    Message garbage = reply(flood).toBuilder()
        .addCloserPeers(0, Message.Peer.newBuilder().setId(ByteString.copyFrom(new byte[] {1, 2})))
        .build();
    LookupResult r = run(List.of(liar), querier(p -> p.equals(liar) ? garbage : reply(List.of())),
        LookupHandler.NONE);
    // 11 entries: the cap keeps 6, one of which is garbage; 5 beyond the cap are dropped.
    assertThat(r.invalidPeers()).isEqualTo(1 + 5);
    assertThat(r.seen()).hasSize(1 + 5);
    assertThat(r.termination()).isEqualTo(LookupResult.Termination.CONVERGED);
  }

  @Test
  void farPeersBeyondTheKClosestAreNeverAsked() {
    List<PeerId> all = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      all.add(TestPeers.random(random));
    }
    List<PeerId> sorted = sortedByDistance(all);
    LookupResult r = run(sorted, querier(p -> reply(List.of())), LookupHandler.NONE);
    assertThat(asked).containsExactlyInAnyOrderElementsOf(sorted.subList(0, config.k()));
    assertThat(r.queried()).isEqualTo(config.k());
  }

  @Test
  void handlerStopsTheLookupAndLateAnswersAreIgnored() {
    List<PeerId> peers = sortedByDistance(List.of(TestPeers.random(random),
        TestPeers.random(random), TestPeers.random(random)));
    Map<PeerId, Integer> calls = new HashMap<>();
    LookupResult r = run(peers, querier(p -> reply(List.of())), (from, response) -> {
      calls.merge(from, 1, Integer::sum);
      return true;
    });
    assertThat(r.termination()).isEqualTo(LookupResult.Termination.STOPPED);
    assertThat(r.succeeded()).isEqualTo(1);
    assertThat(calls).hasSize(1);
  }

  @Test
  void withoutSeedsTheLookupEndsAtOnce() {
    LookupResult r = run(List.of(self), querier(p -> reply(List.of())), LookupHandler.NONE);
    assertThat(r.termination()).isEqualTo(LookupResult.Termination.CONVERGED);
    assertThat(r.queried()).isZero();
    assertThat(r.closest()).isEmpty();
  }

  @Test
  void cancelEndsALookupWaitingOnSilentPeers() {
    Lookup lookup = new Lookup(self, request, List.of(KadPeer.of(TestPeers.random(random))),
        config, (peer, req) -> new CompletableFuture<>(), time, LookupHandler.NONE);
    CompletableFuture<LookupResult> f = lookup.start();
    assertThat(f).isNotDone();
    lookup.cancel();
    assertThat(f.join().termination()).isEqualTo(LookupResult.Termination.CANCELLED);
    time.runUntilIdle();
    assertThat(f.join().timedOut()).isZero();
  }

  @Test
  void synchronousAnswersFromAllPeersDoNotRecurseUnbounded() {
    // A chain of 2000 peers, each naming the next closer one, all answering synchronously.
    List<PeerId> chain = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      chain.add(TestPeers.random(random));
    }
    KadConfig one = config.toBuilder().k(1).alpha(1).maxCloserPeersPerResponse(1).build();
    // Each peer names the next closer one: order the chain by distance, farthest first.
    List<PeerId> farFirst = new ArrayList<>(sortedByDistance(chain));
    java.util.Collections.reverse(farFirst);
    Map<PeerId, PeerId> closer = new HashMap<>();
    for (int i = 0; i + 1 < farFirst.size(); i++) {
      closer.put(farFirst.get(i), farFirst.get(i + 1));
    }
    KadQuerier sync = (peer, req) -> CompletableFuture.completedFuture(
        reply(closer.containsKey(peer.id()) ? List.of(closer.get(peer.id())) : List.of()));
    LookupResult r = new Lookup(self, request, List.of(KadPeer.of(farFirst.get(0))), one, sync,
        time, LookupHandler.NONE).start().join();
    assertThat(r.closest()).containsExactly(farFirst.get(farFirst.size() - 1));
    assertThat(r.maxHops()).isEqualTo(2000);
  }
}
