package dev.icon.tomography.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.probe.ProbeMethod;
import dev.icon.proto.icon.probe.ProbeStatus;
import dev.icon.testing.MutableClock;
import dev.icon.testing.Prerequisites;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /icon/probe/1.0.0} between two real hosts on loopback. */
class ProbeProtocolTest {

  private final List<Host> hosts = new ArrayList<>();
  private final List<Prober> probers = new ArrayList<>();

  @AfterEach
  void stop() {
    probers.forEach(Prober::close);
    hosts.forEach(h -> h.stop().join());
  }

  private Host host() {
    Host h = Host.builder().identity(PrivateKey.generateEd25519()).config(HostConfig.forTests())
        .listen("/ip4/127.0.0.1/tcp/0").build();
    hosts.add(h);
    h.start().join();
    return h;
  }

  /** An asking host that knows where {@code provider} listens. */
  private Host askerOf(Host provider) {
    Host asker = host();
    asker.peerStore().addAddresses(provider.peerId(), provider.listenAddrs());
    return asker;
  }

  private static Throwable failure(java.util.concurrent.CompletableFuture<?> f) {
    assertThatThrownBy(f::join).isInstanceOf(CompletionException.class);
    return f.handle((v, e) -> e.getCause() != null ? e.getCause() : e).join();
  }

  @Test
  void aProviderPingsLoopbackForItsAskerWithTheRealPing() throws Exception {
    Prerequisites.requireBinary("ping");
    ProbeConfig config = ProbeConfig.forTests();
    PingProber ping = new PingProber(PingConfig.forTests());
    probers.add(ping);
    Host provider = host();
    new ProbeService(config, Map.of(ProbeMethod.ICMP_ECHO, ping), new TargetFilter(config),
        Clock.systemUTC()).registerOn(provider);
    ProbeClient client = new ProbeClient(askerOf(provider), config, new SplittableRandom(1));

    List<ProbeOutcome> outcomes = client.probe(provider.peerId(),
        List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("224.0.0.1"))).join();

    assertThat(outcomes).hasSize(2);
    ProbeOutcome loop = outcomes.get(0);
    assertThat(loop.status()).isEqualTo(ProbeStatus.OK);
    assertThat(loop.measurement().get().sent()).isEqualTo(3);
    assertThat(loop.measurement().get().received()).isEqualTo(3);
    assertThat(loop.measurement().get().stats().get().meanMillis()).isBetween(0.0, 50.0);
    assertThat(outcomes.get(1).status()).isEqualTo(ProbeStatus.REFUSED_TARGET);
    assertThat(outcomes.get(1).reason()).contains("multicast");
  }

  @Test
  void loopbackIsRefusedUnlessConfigured() throws Exception {
    ProbeConfig config = ProbeConfig.defaults();
    FakeProber fake = new FakeProber(1);
    Host provider = host();
    new ProbeService(config, Map.of(ProbeMethod.ICMP_ECHO, fake), new TargetFilter(config),
        Clock.systemUTC()).registerOn(provider);

    List<ProbeOutcome> outcomes = new ProbeClient(askerOf(provider), config, new SplittableRandom(2))
        .probe(provider.peerId(), List.of(InetAddress.getByName("127.0.0.1"))).join();

    assertThat(outcomes.get(0).status()).isEqualTo(ProbeStatus.REFUSED_TARGET);
    assertThat(fake.probed).isEmpty();
  }

  @Test
  void manyAskersTogetherGetNoMoreThanOneTargetsBudget() throws Exception {
    MutableClock clock = new MutableClock();
    ProbeConfig config = ProbeConfig.builder().maxCount(3).defaultCount(3).perTargetBurst(6)
        .perTargetRate(0.5).build();
    FakeProber fake = new FakeProber(4);
    Host provider = host();
    new ProbeService(config, Map.of(ProbeMethod.ICMP_ECHO, fake), new TargetFilter(config), clock)
        .registerOn(provider);
    InetAddress victim = InetAddress.getByName("198.51.100.66");

    List<ProbeStatus> statuses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ProbeClient client = new ProbeClient(askerOf(provider), config, new SplittableRandom(i));
      statuses.add(client.probe(provider.peerId(), List.of(victim)).join().get(0).status());
    }

    assertThat(statuses).containsExactly(ProbeStatus.OK, ProbeStatus.OK,
        ProbeStatus.REFUSED_TARGET_RATE, ProbeStatus.REFUSED_TARGET_RATE,
        ProbeStatus.REFUSED_TARGET_RATE);
    assertThat(fake.probed).hasSize(2);
  }

  @Test
  void tooManyTargetsIsARefusalOfTheWholeRequest() throws Exception {
    ProbeConfig serverConfig = ProbeConfig.builder().maxTargetsPerRequest(1).build();
    Host provider = host();
    new ProbeService(serverConfig, Map.of(ProbeMethod.ICMP_ECHO, new FakeProber(1)),
        new TargetFilter(serverConfig), Clock.systemUTC()).registerOn(provider);
    ProbeClient client = new ProbeClient(askerOf(provider), ProbeConfig.defaults(),
        new SplittableRandom(3));

    Throwable t = failure(client.probe(provider.peerId(), List.of(
        InetAddress.getByName("192.0.2.1"), InetAddress.getByName("192.0.2.2"))));

    assertThat(t).isInstanceOfSatisfying(ProbeException.class,
        e -> assertThat(e.error()).isEqualTo(ProbeError.REFUSED))
        .hasMessageContaining("2 targets; at most 1");
  }

  @Test
  void aMalformedRequestResetsTheStreamAndIsCounted() throws Exception {
    ProbeConfig config = ProbeConfig.defaults();
    FakeProber fake = new FakeProber(1);
    Host provider = host();
    ProbeService service = new ProbeService(config, Map.of(ProbeMethod.ICMP_ECHO, fake),
        new TargetFilter(config), Clock.systemUTC()).registerOn(provider);
    Host asker = askerOf(provider);

    for (byte[] garbage : List.of(new byte[] {5, 1, 2}, new byte[] {(byte) 0xff, (byte) 0xff},
        new byte[config.maxRequestBytes() + 1])) {
      Stream s = asker.newStream(provider.peerId(), List.of(ProbeProtocol.ID)).join();
      var answer = s.readToEnd(1024);
      s.write(garbage).thenCompose(v -> s.closeWrite());
      assertThat(failure(answer)).as("the stream was reset, no answer").isNotNull();
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> service.malformedRequests() == 3);
    assertThat(fake.probed).isEmpty();
    assertThat(new ProbeClient(asker, config, new SplittableRandom(4))
        .probe(provider.peerId(), List.of(InetAddress.getByName("192.0.2.1"))).join()
        .get(0).status()).as("the service still serves").isEqualTo(ProbeStatus.OK);
  }

  @Test
  void anAskerThatStallsIsResetAfterTheReadTimeout() throws Exception {
    ProbeConfig config = ProbeConfig.builder().readTimeout(Duration.ofMillis(200)).build();
    Host provider = host();
    ProbeService service = new ProbeService(config, Map.of(ProbeMethod.ICMP_ECHO,
        new FakeProber(1)), new TargetFilter(config), Clock.systemUTC()).registerOn(provider);
    Stream s = askerOf(provider).newStream(provider.peerId(), List.of(ProbeProtocol.ID)).join();
    var answer = s.readToEnd(1024);
    s.write(new byte[] {10, 1});

    assertThat(failure(answer)).isNotNull();
    assertThat(service.malformedRequests()).isEqualTo(1);
  }

  @Test
  void requestStreamsBeyondTheBoundAreResetAndTheSlotComesBack() throws Exception {
    ProbeConfig config = ProbeConfig.builder().maxConcurrentRequests(1)
        .readTimeout(Duration.ofMillis(500)).build();
    Host provider = host();
    ProbeService service = new ProbeService(config, Map.of(ProbeMethod.ICMP_ECHO,
        new FakeProber(1)), new TargetFilter(config), Clock.systemUTC()).registerOn(provider);
    Host asker = askerOf(provider);
    Stream stalling = asker.newStream(provider.peerId(), List.of(ProbeProtocol.ID)).join();
    var stalled = stalling.readToEnd(1024);
    stalling.write(new byte[] {10});
    await().atMost(Duration.ofSeconds(5)).until(() -> service.openRequests() == 1);

    ProbeClient client = new ProbeClient(asker, config, new SplittableRandom(8));
    Throwable t = failure(client.probe(provider.peerId(), List.of(InetAddress.getByName("192.0.2.1"))));
    assertThat(t).isNotNull();
    assertThat(service.busyRequests()).isEqualTo(1);

    assertThat(failure(stalled)).as("reset after the read timeout").isNotNull();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        client.probe(provider.peerId(), List.of(InetAddress.getByName("192.0.2.1"))).join()
            .get(0).status()).isEqualTo(ProbeStatus.OK));
  }

  @Test
  void anAskerThatKeepsItsSideOpenAfterTheAnswerHoldsNoSlot() throws Exception {
    ProbeConfig config = ProbeConfig.builder().maxConcurrentRequests(1).build();
    Host provider = host();
    ProbeService service = new ProbeService(config, Map.of(ProbeMethod.ICMP_ECHO,
        new FakeProber(1)), new TargetFilter(config), Clock.systemUTC()).registerOn(provider);
    Host asker = askerOf(provider);
    Stream s = asker.newStream(provider.peerId(), List.of(ProbeProtocol.ID)).join();
    var answer = s.readToEnd(4096);
    s.write(ProbeCodec.encode(dev.icon.proto.icon.probe.ProbeRequest.newBuilder().setRequestId(1)
        .setMethod(ProbeMethod.ICMP_ECHO).addTargets(ProbeMessages.target(
            InetAddress.getByName("192.0.2.1"))).build())).thenCompose(v -> s.closeWrite());

    assertThat(ProbeCodec.decodeResponse(answer.join(), 4096).getResults(0).getStatus())
        .isEqualTo(ProbeStatus.OK);
    await().atMost(Duration.ofSeconds(5)).until(() -> service.openRequests() == 0);
    assertThat(new ProbeClient(asker, config, new SplittableRandom(9))
        .probe(provider.peerId(), List.of(InetAddress.getByName("192.0.2.2"))).join()
        .get(0).status()).isEqualTo(ProbeStatus.OK);
  }

  @Test
  void aPeerThatDoesNotAnswerTimesOut() throws Exception {
    Host silent = host();
    silent.addProtocol(ProbeProtocol.ID, stream -> stream.onData(data -> { }));
    ProbeConfig config = ProbeConfig.builder().requestTimeout(Duration.ofMillis(300)).build();

    Throwable t = failure(new ProbeClient(askerOf(silent), config, new SplittableRandom(5))
        .probe(silent.peerId(), List.of(InetAddress.getByName("192.0.2.1"))));

    assertThat(t).isInstanceOfSatisfying(ProbeException.class,
        e -> assertThat(e.error()).isEqualTo(ProbeError.TIMEOUT));
  }

  @Test
  void anAnswerToAnotherRequestIsRejected() throws Exception {
    Host liar = host();
    liar.addProtocol(ProbeProtocol.ID, stream -> stream.readToEnd(4096).thenAccept(bytes -> {
      var req = ProbeCodec.decodeRequest(bytes, 4096);
      var resp = dev.icon.proto.icon.probe.ProbeResponse.newBuilder()
          .setRequestId(req.getRequestId() + 1).build();
      stream.write(ProbeCodec.encode(resp)).thenRun(stream::close);
    }));

    Throwable t = failure(new ProbeClient(askerOf(liar), ProbeConfig.defaults(),
        new SplittableRandom(6)).probe(liar.peerId(), List.of(InetAddress.getByName("192.0.2.1"))));

    assertThat(t).isInstanceOfSatisfying(ProbeException.class,
        e -> assertThat(e.error()).isEqualTo(ProbeError.MALFORMED_FRAME))
        .hasMessageContaining("answer to request");
  }
}
