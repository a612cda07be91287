package dev.icon.node.cli.peer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.icon.overlay.api.Dht;
import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.api.DhtPeer;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.kad.IconRecords;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The DHT actions' events and failures, against a {@link Dht} that returns canned answers. */
class DhtActionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrivateKey owner = PrivateKey.generateEd25519();
  private final PeerId self = PrivateKey.generateEd25519().publicKey().peerId();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final EventPrinter events = new EventPrinter(new PrintStream(out, true, UTF_8),
      Clock.systemUTC());
  private final ActionRunner runner = new ActionRunner(events);
  private final CannedDht dht = new CannedDht();

  private List<JsonNode> run(String... args) throws Exception {
    PeerCommand command = new PeerCommand();
    new CommandLine(command).parseArgs(args);
    new DhtActions(dht, self, command.dht, events, Clock.systemUTC(), 5).runAll(runner);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString(UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  @Test
  void printsEachActionsEventInTheJsPeersOrderAndFields() throws Exception {
    PeerId found = owner.publicKey().peerId();
    dht.peer = Optional.of(new DhtPeer(found, List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/7")), 2));
    dht.providers = List.of(new DhtPeer(found, List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/7")), 0));
    dht.value = Optional.of(IconRecords.sign(owner, "n", "text".getBytes(UTF_8), 1,
        Instant.now().plusSeconds(60)));
    String key = "/icon/" + found.toBase58() + "/n";

    List<JsonNode> e = run("--find-peer", found.toBase58(), "--get", key, "--put", "n=v",
        "--find-providers", "k", "--provide", "k");

    assertThat(e).extracting(j -> j.path("event").asText()).containsExactly("dht:put",
        "dht:provide", "dht:value", "dht:providers", "dht:found-peer");
    assertThat(e.get(0).path("key").asText()).isEqualTo("/icon/" + self.toBase58() + "/n");
    assertThat(e.get(0).path("ok").asBoolean()).isTrue();
    assertThat(e.get(0).path("peers").asInt()).isEqualTo(3);
    assertThat(dht.putName).isEqualTo("n");
    assertThat(new String(dht.putValue, UTF_8)).isEqualTo("v");
    assertThat(e.get(1).path("key").asText()).isEqualTo("k");
    assertThat(dht.providedKey).isEqualTo(DhtKeys.providerKey("k"));
    assertThat(e.get(2).path("value").asText()).isEqualTo("text");
    assertThat(e.get(3).path("providers").get(0).path("peerId").asText())
        .isEqualTo(found.toBase58());
    assertThat(e.get(3).path("providers").get(0).path("addrs").get(0).asText())
        .isEqualTo("/ip4/127.0.0.1/tcp/7");
    assertThat(e.get(4).path("hops").asInt()).isEqualTo(2);
    assertThat(runner.failed()).isFalse();
  }

  @Test
  void nothingFoundOrNobodyStoringIsAnErrorAndTheRestStillRuns() throws Exception {
    dht.acks = 0;
    List<JsonNode> e = run("--put", "n=v", "--get", "/icon/" + self.toBase58() + "/n",
        "--find-peer", self.toBase58(), "--find-providers", "k");

    assertThat(e).extracting(j -> j.path("event").asText() + ":" + j.path("where").asText())
        .containsExactly("dht:put:", "error:dht-put", "error:dht-get", "dht:providers:",
            "error:dht-find-peer");
    assertThat(e.get(0).path("ok").asBoolean()).isFalse();
    assertThat(e.get(3).path("providers").size()).isZero();
    assertThat(runner.failed()).isTrue();
  }

  @Test
  void publicKeyRecordsPrintAsBase64AndForeignPutKeysFail() throws Exception {
    dht.value = Optional.of(owner.publicKey().toProtobuf());
    List<JsonNode> e = run("--get", "/pk/" + owner.publicKey().peerId().toBase58(),
        "--put", "/icon/" + owner.publicKey().peerId().toBase58() + "/n=v");

    // put runs before get
    assertThat(e.get(0).path("where").asText()).isEqualTo("dht-put");
    assertThat(e.get(0).path("message").asText()).contains("only signs our own");
    assertThat(e.get(1).path("event").asText()).isEqualTo("dht:value");
    assertThat(Base64.getDecoder().decode(e.get(1).path("value").asText()))
        .isEqualTo(owner.publicKey().toProtobuf());
  }

  /** Answers every call at once with the fields' values. */
  private static final class CannedDht implements Dht {
    Optional<DhtPeer> peer = Optional.empty();
    List<DhtPeer> providers = List.of();
    Optional<byte[]> value = Optional.empty();
    int acks = 3;
    String putName;
    byte[] putValue;
    byte[] providedKey;

    @Override
    public DhtMode mode() {
      return DhtMode.CLIENT;
    }

    @Override
    public CompletableFuture<Integer> bootstrap(List<Multiaddr> peers) {
      return CompletableFuture.completedFuture(peers.size());
    }

    @Override
    public CompletableFuture<Optional<DhtPeer>> findPeer(PeerId p) {
      return CompletableFuture.completedFuture(peer);
    }

    @Override
    public CompletableFuture<Integer> provide(byte[] key) {
      providedKey = key;
      return CompletableFuture.completedFuture(acks);
    }

    @Override
    public CompletableFuture<List<DhtPeer>> findProviders(byte[] key, int max) {
      return CompletableFuture.completedFuture(providers);
    }

    @Override
    public CompletableFuture<Integer> putValue(byte[] key, byte[] v) {
      return CompletableFuture.completedFuture(acks);
    }

    @Override
    public CompletableFuture<Integer> putIconRecord(String name, byte[] v, long sequence,
        Duration ttl) {
      putName = name;
      putValue = v;
      return CompletableFuture.completedFuture(acks);
    }

    @Override
    public CompletableFuture<Optional<byte[]>> getValue(byte[] key, int quorum) {
      return CompletableFuture.completedFuture(value);
    }

    @Override
    public List<PeerId> routingTable() {
      return List.of();
    }
  }
}
