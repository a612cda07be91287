package dev.icon.gossip.host;

import static dev.icon.gossip.host.GossipNodes.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.core.PeerExchange.Candidate;
import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PxConnectorTest {
  private final GossipNodes nodes = new GossipNodes();

  @AfterEach
  void stop() {
    nodes.close();
  }

  @Test
  void candidatesWithKnownAddressesAreDialledWhileTheTopicIsShortOfPeers() {
    Host self = nodes.host(PrivateKey.generateEd25519());
    Host known = nodes.host(PrivateKey.generateEd25519());
    PeerId unknown = PrivateKey.generateEd25519().publicKey().peerId();
    self.peerStore().addAddresses(known.peerId(), known.listenAddrs());
    PxConnector px = new PxConnector(self, 12, topic -> 0);

    px.candidates("t", List.of(new Candidate(unknown, null), new Candidate(known.peerId(), null),
        new Candidate(self.peerId(), null)));

    await().until(() -> !self.connections(known.peerId()).isEmpty());
    assertThat(self.connections(unknown)).isEmpty();
  }

  @Test
  void aCandidateWithoutStoredAddressesIsFoundThroughTheDhtAndDialled() throws Exception {
    Host relay = nodes.dhtHost(DhtMode.SERVER);
    // Client mode: the candidate's own bootstrap lookup cannot meet us and leave our address book.
    Host self = nodes.dhtHost(DhtMode.CLIENT);
    self.dht().orElseThrow().bootstrap(List.of(addr(relay))).get(20, TimeUnit.SECONDS);
    Host candidate = nodes.dhtHost(DhtMode.SERVER);
    candidate.dht().orElseThrow().bootstrap(List.of(addr(relay))).get(20, TimeUnit.SECONDS);
    assertThat(self.peerStore().addresses(candidate.peerId())).isEmpty();
    PxConnector px = new PxConnector(self, 12, topic -> 0);

    px.candidates("t", List.of(new Candidate(candidate.peerId(), null)));

    await().until(() -> !self.connections(candidate.peerId()).isEmpty());
    assertThat(self.peerStore().addresses(candidate.peerId()))
        .containsAll(candidate.listenAddrs());
  }

  @Test
  void aCandidateTheDhtCannotFindIsDroppedAndFreesItsSlot() throws Exception {
    Host relay = nodes.dhtHost(DhtMode.SERVER);
    Host self = nodes.dhtHost(DhtMode.CLIENT);
    self.dht().orElseThrow().bootstrap(List.of(addr(relay))).get(20, TimeUnit.SECONDS);
    PeerId nowhere = PrivateKey.generateEd25519().publicKey().peerId();
    PxConnector px = new PxConnector(self, 12, topic -> 0);

    px.candidates("t", List.of(new Candidate(nowhere, null)));

    await().until(() -> px.inFlight() == 0);
    assertThat(self.connections(nowhere)).isEmpty();
  }

  private static Multiaddr addr(Host h) {
    return h.listenAddrs().get(0).withPeerId(h.peerId());
  }

  @Test
  void noDialsWhenTheTopicHasDHighPeers() {
    Host self = nodes.host(PrivateKey.generateEd25519());
    Host known = nodes.host(PrivateKey.generateEd25519());
    self.peerStore().addAddresses(known.peerId(), known.listenAddrs());
    PxConnector px = new PxConnector(self, 12, topic -> 12);

    px.candidates("t", List.of(new Candidate(known.peerId(), null)));

    assertThat(px.inFlight()).isZero();
    assertThat(self.connections(known.peerId())).isEmpty();
  }

  @Test
  void atMostEightDialsAreInFlight() throws Exception {
    Host self = nodes.host(PrivateKey.generateEd25519());
    List<Candidate> many = new ArrayList<>();
    // A loopback listener that accepts TCP but never answers: dials hang in the handshake.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      for (int i = 0; i < 20; i++) {
        PeerId p = PrivateKey.generateEd25519().publicKey().peerId();
        self.peerStore().addAddresses(p,
            List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/" + silent.getLocalPort())));
        many.add(new Candidate(p, null));
      }
      AtomicInteger asked = new AtomicInteger();
      PxConnector px = new PxConnector(self, 100, topic -> asked.incrementAndGet() * 0);

      px.candidates("t", many);

      assertThat(px.inFlight()).isEqualTo(PxConnector.MAX_CONCURRENT_DIALS);
      assertThat(asked.get()).isEqualTo(1);
    }
  }
}
