package dev.icon.yard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.icon.market.negotiate.MemoryAgreementStore;
import dev.icon.market.negotiate.SignedAgreement;
import dev.icon.node.deploy.DeployConfig;
import dev.icon.node.deploy.DeployError;
import dev.icon.node.deploy.DeployException;
import dev.icon.node.deploy.DeployKind;
import dev.icon.node.deploy.DeployReceipt;
import dev.icon.node.deploy.DeployReceiver;
import dev.icon.node.deploy.DeploySender;
import dev.icon.node.deploy.DeploySource;
import dev.icon.node.runtime.HealthCheck;
import dev.icon.node.runtime.RuntimeConfig;
import dev.icon.node.runtime.docker.DockerRuntime;
import dev.icon.node.yard.AgreementBook;
import dev.icon.node.yard.Capacity;
import dev.icon.node.yard.LaunchRequest;
import dev.icon.node.yard.Yard;
import dev.icon.node.yard.YardException;
import dev.icon.node.yard.YardRefusal;
import dev.icon.node.yard.YardWorkload;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.resources.ResourceSpec;
import dev.icon.testing.CounterServiceImage;
import dev.icon.testing.MutableClock;
import dev.icon.testing.Prerequisites;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider's yard on the real Docker engine: the counter-service image carried over
 * {@code /icon/deploy/1.0.0} between two real hosts on loopback, admitted and started only under
 * a valid signed agreement and within capacity, with the agreement's limits as the engine reports
 * them; refusals leave nothing; no container of the test's label scope is left afterwards.
 */
class YardDockerIT {

  private static final String DOCKER = "unix:///var/run/docker.sock";
  private static final ResourceSpec QUARTER = ResourceSpec.newBuilder().setCpuMillis(250)
      .setMemoryMib(64).build();
  private static final LaunchRequest COUNTER = new LaunchRequest("counter",
      CounterServiceImage.COMMAND, 8080, HealthCheck.http(CounterServiceImage.HEALTH_PATH), Map.of());

  @TempDir Path tmp;
  private final String scope = "icon-yard-it-" + Long.toHexString(new Random().nextLong() & 0xffffffffL);
  private final PrivateKey providerKey = YardAgreements.key(11);
  private final PrivateKey consumerKey = YardAgreements.key(12);
  private final Random random = new Random(5);
  private final MutableClock clock = new MutableClock(Instant.now());
  private final MemoryAgreementStore store = new MemoryAgreementStore();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final ExecutorService io = Executors.newCachedThreadPool();
  private DockerClient inspector;
  private DockerRuntime runtime;
  private Host provider;
  private Host consumer;
  private DeployReceiver receiver;
  private DeploySender sender;
  private Yard yard;
  private Path imageTar;

  @BeforeEach
  void setUp() throws Exception {
    Prerequisites.require("a Docker engine answering at " + DOCKER,
        () -> DockerRuntime.available(RuntimeConfig.builder().dockerHost(DOCKER).build()));
    var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(DOCKER).build();
    inspector = DockerClientImpl.getInstance(config,
        new ApacheDockerHttpClient.Builder().dockerHost(URI.create(DOCKER)).build());
    imageTar = CounterServiceImage.build(tmp.resolve("counter.tar"));
    runtime = new DockerRuntime(RuntimeConfig.builder().dockerHost(DOCKER).scope(scope)
        .stopTimeout(Duration.ofSeconds(3)).removeOnClose(true).build());
    provider = Host.builder().identity(providerKey)
        .config(dev.icon.overlay.api.HostConfig.forTests()).listen("/ip4/127.0.0.1/tcp/0").build();
    consumer = Host.builder().identity(consumerKey)
        .config(dev.icon.overlay.api.HostConfig.forTests()).listen("/ip4/127.0.0.1/tcp/0").build();
    provider.start().join();
    consumer.start().join();
    consumer.peerStore().addAddresses(provider.peerId(), provider.listenAddrs());
    AgreementBook book = new AgreementBook(store, provider.peerId(), clock, 16 << 20);
    Path dir = tmp.resolve("yard");
    receiver = DeployReceiver.builder(provider, dir.resolve("staging"), dir.resolve("store"))
        .config(DeployConfig.forTests()).admission(book).clock(clock).scheduler(scheduler).build();
    receiver.start();
    sender = DeploySender.builder(consumer).config(DeployConfig.forTests()).executor(io)
        .scheduler(scheduler).build();
    // Room for one agreement of 2 x (250 millis, 64 MiB), not two.
    yard = new Yard(runtime, book, new Capacity(750, 256, 4), dir.resolve("store"), clock);
  }

  @AfterEach
  void tearDown() throws Exception {
    try {
      if (yard != null) {
        yard.close();
      }
      if (runtime != null) {
        runtime.close();
      }
      if (receiver != null) {
        receiver.stop();
      }
      if (consumer != null) {
        consumer.stop().join();
      }
      if (provider != null) {
        provider.stop().join();
      }
      if (inspector != null) {
        assertThat(containersInScope()).as("containers left in scope " + scope).isEmpty();
      }
    } finally {
      scheduler.shutdownNow();
      io.shutdownNow();
      if (inspector != null) {
        inspector.close();
      }
    }
  }

  private List<String> containersInScope() {
    return inspector.listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of(RuntimeConfig.LABEL_SCOPE, scope)).exec().stream()
        .map(c -> c.getId()).toList();
  }

  private SignedAgreement agree(Duration length) {
    return YardAgreements.conclude(consumerKey, providerKey, QUARTER, 2, clock.instant(),
        clock.instant().plus(length), store, random);
  }

  private DeployReceipt deploy(String agreementId) throws Exception {
    return sender.send(provider.peerId(), agreementId, DeployKind.IMAGE,
        DeploySource.ofFile(imageTar)).join();
  }

  @Test
  void runsOnlyUnderAValidAgreementWithinCapacityAndEndsWithIt() throws Exception {
    String id = agree(Duration.ofHours(1)).id().toString();
    DeployReceipt receipt = deploy(id);
    assertThat(receipt.size()).isPositive();

    YardWorkload w = yard.start(id, COUNTER);
    HostConfig limits = inspector.inspectContainerCmd(w.workload().id()).exec().getHostConfig();
    assertThat(limits.getNanoCPUs()).isEqualTo(500_000_000L);
    assertThat(limits.getMemory()).isEqualTo(128L << 20);
    assertThat(containersInScope()).containsExactly(w.workload().id());
    assertThat(yard.health(id).orElseThrow().healthy()).isTrue();
    String addr = w.workload().endpoint().getHostString() + ":" + w.workload().endpoint().getPort();
    assertThat(CounterServiceImage.count(addr, false)).isEqualTo(1);

    // No agreement: the transfer is refused by the receiver, and the yard refuses to start.
    String none = YardAgreements.randomId(random).toString();
    assertThatThrownBy(() -> deploy(none)).isInstanceOf(CompletionException.class)
        .cause().isInstanceOfSatisfying(DeployException.class,
            e -> assertThat(e.error()).isEqualTo(DeployError.UNKNOWN_AGREEMENT));
    refused(() -> yard.start(none, COUNTER), YardRefusal.NO_AGREEMENT);

    // A second valid agreement, image received, but its limits do not fit what is left.
    String second = agree(Duration.ofHours(2)).id().toString();
    deploy(second);
    refused(() -> yard.start(second, COUNTER), YardRefusal.OVER_CAPACITY);
    assertThat(containersInScope()).containsExactly(w.workload().id());

    // The first agreement ends: the janitor stops and removes its container, frees the capacity.
    clock.advance(Duration.ofHours(1));
    assertThat(yard.expire()).containsExactly(id);
    assertThat(containersInScope()).isEmpty();
    assertThat(inspector.listImagesCmd().withImageNameFilter("yard-" + id).exec()).isEmpty();
    assertThat(yard.capacity().workloads()).isZero();
    // Now the second fits.
    YardWorkload w2 = yard.start(second, COUNTER);
    assertThat(yard.health(second).orElseThrow().healthy()).isTrue();
    assertThat(yard.stop(second)).isTrue();
    assertThat(containersInScope()).doesNotContain(w2.workload().id()).isEmpty();
  }

  private static void refused(Runnable call, YardRefusal reason) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(YardException.class,
        e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
  }
}
