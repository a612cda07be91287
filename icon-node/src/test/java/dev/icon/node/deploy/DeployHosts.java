package dev.icon.node.deploy;

import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Two real overlay hosts on loopback: a provider running a {@link DeployReceiver} and a client
 * with a {@link DeploySender}. Agreements named {@code agr-*} are admitted up to {@link
 * #AGREEMENT_BYTES}; any other is unknown. Receiver events are collected in {@link #received}.
 */
final class DeployHosts implements AutoCloseable {

  static final long AGREEMENT_BYTES = 64L << 20;

  static final AdmissionCheck AGREEMENTS = (peer, id, kind, size) -> id.startsWith("agr-")
      ? AdmissionCheck.Admission.allow(AGREEMENT_BYTES)
      : AdmissionCheck.Admission.deny("no agreement " + id);

  final Host provider;
  final Host client;
  final MutableClock clock = new MutableClock();
  final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  final ExecutorService io = Executors.newCachedThreadPool();
  final List<DeployEvent> received = new CopyOnWriteArrayList<>();
  final List<DeployEvent> sent = new CopyOnWriteArrayList<>();
  final DeployReceiver receiver;
  final DeploySender sender;
  final Path staging;
  final Path store;

  DeployHosts(Path dir, DeployConfig config) {
    staging = dir.resolve("staging");
    store = dir.resolve("store");
    // closeTimeout 0: the provider's disconnect closes the TCP connection at once, streams and all
    // (the default lets open streams finish first, and a transfer would simply complete).
    provider = Host.builder()
        .config(HostConfig.forTests().toBuilder().closeTimeout(Duration.ZERO).build())
        .listen("/ip4/127.0.0.1/tcp/0").build();
    client = Host.builder().config(HostConfig.forTests()).listen("/ip4/127.0.0.1/tcp/0")
        .build();
    provider.start().join();
    client.start().join();
    client.peerStore().addAddresses(provider.peerId(), provider.listenAddrs());
    receiver = DeployReceiver.builder(provider, staging, store).config(config)
        .admission(AGREEMENTS).clock(clock).scheduler(scheduler).listener(received::add)
        .build();
    receiver.start();
    sender = DeploySender.builder(client).config(config).executor(io).scheduler(scheduler)
        .listener(sent::add).build();
  }

  List<DeployEvent> received(DeployEvent.Type type) {
    return received.stream().filter(e -> e.type() == type).toList();
  }

  @Override
  public void close() throws InterruptedException {
    receiver.stop();
    client.stop().join();
    provider.stop().join();
    scheduler.shutdownNow();
    io.shutdownNow();
    scheduler.awaitTermination(5, TimeUnit.SECONDS);
  }
}
