package dev.icon.overlay.kad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.libp2p.kad.Message;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * PUT_VALUE/GET_VALUE and ADD_PROVIDER/GET_PROVIDERS across a {@link SimulatedKadNetwork} of 100
 * nodes answering with the real {@link KadRequestHandler}, with 20% of the nodes killed after the
 * writes: the whole transport-agnostic stack (lookup, handler, stores, validators, collectors).
 */
class DhtOperationsSimulationTest {

  private static final int NODES = 100;
  private static final int READERS = 40;

  private final KadConfig config = KadConfig.forTests();
  private final SimulatedKadNetwork net = new SimulatedKadNetwork(config, 77);
  private final Random random = new Random(78);
  private final List<SimulatedKadNetwork.Node> nodes = new ArrayList<>();

  private void buildAndShuffle() {
    net.build(NODES);
    nodes.addAll(net.nodes.values());
    Collections.shuffle(nodes, random);
  }

  /** Kills the last fifth of the shuffled nodes; returns the living ones. */
  private List<SimulatedKadNetwork.Node> killFifth() {
    int dead = NODES / 5;
    for (SimulatedKadNetwork.Node n : nodes.subList(NODES - dead, NODES)) {
      n.behaviour = SimulatedKadNetwork.Behaviour.DEAD;
    }
    return nodes.subList(0, NODES - dead);
  }

  private int storeOnClosest(SimulatedKadNetwork.Node from, byte[] key, Message request) {
    LookupResult closest = net.lookup(from, key, LookupHandler.NONE).result();
    int[] acknowledged = {0};
    for (PeerId peer : closest.closest()) {
      net.send(from, peer, request).thenRun(() -> acknowledged[0]++);
    }
    net.time.runUntilIdle();
    return acknowledged[0];
  }

  @Test
  void signedRecordsPutByOneNodeAreReadByOthersAndTheNewestWins() {
    buildAndShuffle();
    PrivateKey owner = PrivateKey.generateEd25519(new SecureRandom(new byte[] {9}));
    byte[] key = IconRecords.key(owner.publicKey().peerId(), "svc/web");
    Instant expiry = net.time.instant().plus(Duration.ofHours(1));
    byte[] v1 = IconRecords.sign(owner, "svc/web", "one".getBytes(StandardCharsets.UTF_8), 1, expiry);
    byte[] v2 = IconRecords.sign(owner, "svc/web", "two".getBytes(StandardCharsets.UTF_8), 2, expiry);
    assertThat(storeOnClosest(nodes.get(0), key, KadMessages.putValue(key, v1)))
        .isEqualTo(config.k());
    // The newer record goes out through another node (whose closest set may differ a little):
    // readers must prefer it over the older one wherever both are held.
    int updated = storeOnClosest(nodes.get(1), key, KadMessages.putValue(key, v2));
    assertThat(updated).isPositive();

    List<SimulatedKadNetwork.Node> alive = killFifth();
    RecordValidators validators = RecordValidators.defaults(config, net.time);
    int newest = 0;
    for (int i = 0; i < READERS; i++) {
      SimulatedKadNetwork.Node reader = alive.get(2 + i);
      ValueCollector collector = new ValueCollector(key, validators, 3);
      net.lookup(reader, KadMessages.request(Message.MessageType.GET_VALUE, key), collector);
      assertThat(collector.best()).as("reader %d finds a value", i).isPresent();
      if (java.util.Arrays.equals(collector.best().get(), v2)) {
        newest++;
      }
    }
    System.out.printf("kad-sim getValue nodes=%d dead=20%% readers=%d all found a value,"
        + " newest=%d%n", NODES, READERS, newest);
    assertThat(newest).isGreaterThanOrEqualTo(READERS * 99 / 100);
  }

  @Test
  void providersAnnouncedOnAWellKnownKeyAreFoundByOtherNodes() throws Exception {
    buildAndShuffle();
    // A well-known key as js-libp2p accepts it: a sha2-256 multihash (a CIDv0).
    byte[] digest = MessageDigest.getInstance("SHA-256")
        .digest("/icon/providers/1".getBytes(StandardCharsets.UTF_8));
    byte[] key = new byte[34];
    key[0] = 0x12;
    key[1] = 32;
    System.arraycopy(digest, 0, key, 2, 32);
    List<PeerId> providers = new ArrayList<>();
    for (SimulatedKadNetwork.Node provider : nodes.subList(0, 5)) {
      providers.add(provider.id);
      Message add = Message.newBuilder().setType(Message.MessageType.ADD_PROVIDER)
          .setKey(com.google.protobuf.ByteString.copyFrom(key))
          .addProviderPeers(KadMessages.toWire(
              new KadPeer(provider.id, List.of(SimulatedKadNetwork.SIM_ADDR)),
              Message.ConnectionType.CONNECTED))
          .build();
      assertThat(storeOnClosest(provider, key, add)).isEqualTo(config.k());
    }

    List<SimulatedKadNetwork.Node> alive = killFifth();
    int foundAll = 0;
    for (int i = 0; i < READERS; i++) {
      SimulatedKadNetwork.Node seeker = alive.get(5 + i);
      ProviderCollector collector = new ProviderCollector(5, config.maxProvidersPerKey());
      net.lookup(seeker, KadMessages.request(Message.MessageType.GET_PROVIDERS, key), collector);
      List<PeerId> found = collector.providers().stream().map(KadPeer::id).toList();
      assertThat(found).as("seeker %d", i).isNotEmpty().isSubsetOf(providers);
      if (found.size() == providers.size()) {
        foundAll++;
      }
    }
    System.out.printf("kad-sim findProviders nodes=%d dead=20%% seekers=%d foundAll=%d%n",
        NODES, READERS, foundAll);
    assertThat(foundAll).isGreaterThanOrEqualTo(READERS * 99 / 100);
  }
}
