package dev.icon.node.cli.peer;

import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.identity.KeyFiles;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.kad.KadConfig;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code icon peer}: a command-line libp2p peer for testing and benchmarks. It prints one JSON
 * event per line on stdout (logs go to stderr) and mirrors the js-libp2p interop peer's options,
 * so both can be driven and compared the same way.
 *
 * <p>Exit codes: 0 all requested actions succeeded (or clean shutdown on SIGINT/SIGTERM), 1 fatal
 * error, 2 bad usage, 3 a requested action failed.
 */
@Command(name = "peer", sortOptions = false,
    description = "Run a libp2p peer that prints JSON events, one per line.")
public final class PeerCommand implements Callable<Integer> {

  static final int EXIT_OK = 0;
  static final int EXIT_FATAL = 1;
  static final int EXIT_ACTION_FAILED = 3;

  @Spec CommandSpec spec;

  @Option(names = "--listen", paramLabel = "MULTIADDR",
      description = "Listen address (repeatable; default /ip4/127.0.0.1/tcp/0).")
  List<String> listen = new ArrayList<>();

  @Option(names = "--key-file", paramLabel = "PATH",
      description = "libp2p PrivateKey protobuf; created (mode 0600) when missing.")
  Path keyFile;

  @Option(names = "--dial", paramLabel = "MULTIADDR", description = "Connect to (repeatable).")
  List<String> dial = new ArrayList<>();

  @Option(names = "--ping", paramLabel = "MULTIADDR", description = "Ping this peer.")
  String ping;

  @Option(names = "--ping-count", paramLabel = "N", defaultValue = "1")
  int pingCount;

  @Option(names = "--echo-protocol", paramLabel = "ID",
      description = "Serve an echo protocol under ID (repeatable); the first is used by --echo-send.")
  List<String> echoProtocols = new ArrayList<>();

  @Option(names = "--echo-send", paramLabel = "MULTIADDR", description = "Send an echo request.")
  String echoSend;

  @Option(names = "--echo-data", paramLabel = "TEXT", description = "Echo payload as text.")
  String echoData;

  @Option(names = "--echo-bytes", paramLabel = "N", description = "Echo N random bytes instead.")
  Integer echoBytes;

  @Option(names = "--perf-server", description = "Serve /perf/1.0.0.")
  boolean perfServer;

  @Option(names = "--perf", paramLabel = "MULTIADDR", description = "Run perf against a server.")
  String perf;

  @Option(names = "--perf-upload", paramLabel = "BYTES", defaultValue = "1048576",
      converter = ByteSize.class, description = "Bytes per run (suffixes KiB, MiB, GiB).")
  long perfUpload;

  @Option(names = "--perf-download", paramLabel = "BYTES", defaultValue = "1048576",
      converter = ByteSize.class, description = "Bytes per run (suffixes KiB, MiB, GiB).")
  long perfDownload;

  @Option(names = "--perf-runs", paramLabel = "N", defaultValue = "1")
  int perfRuns;

  @Option(names = "--perf-warmup", paramLabel = "N", defaultValue = "0",
      description = "Unreported perf runs before the measured ones.")
  int perfWarmup;

  @Option(names = "--connect-bench", paramLabel = "MULTIADDR",
      description = "Time new connections: dial, Noise, Yamux and a first ping.")
  String connectBench;

  @Option(names = "--connect-runs", paramLabel = "N", defaultValue = "10")
  int connectRuns;

  @Option(names = "--connect-warmup", paramLabel = "N", defaultValue = "0",
      description = "Unreported connect-bench runs before the measured ones.")
  int connectWarmup;

  @Option(names = "--action-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Time limit of each action (default ${DEFAULT-VALUE}).")
  long actionTimeoutSeconds;

  @Option(names = "--exit-when-done", description = "Exit once the requested actions are done.")
  boolean exitWhenDone;

  @Option(names = "--duration", paramLabel = "SECONDS", description = "Run at most this long.")
  Long durationSeconds;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Mixin GossipOptions gossip = new GossipOptions();

  @Mixin DhtOptions dht = new DhtOptions();

  @Override
  public Integer call() throws Exception {
    validate();
    Clock clock = Clock.systemUTC();
    EventPrinter events = new EventPrinter(System.out, clock);
    Host host;
    GossipActions pubsub = null;
    try {
      PrivateKey key = keyFile != null ? KeyFiles.loadOrCreate(keyFile)
          : PrivateKey.generateEd25519();
      host = buildHost(events, key);
      host.start().get(actionTimeoutSeconds, TimeUnit.SECONDS);
      if (gossip.enabled()) {
        pubsub = GossipActions.start(host, key, gossip, events, clock);
      }
    } catch (Exception e) {
      events.error("start", e);
      return EXIT_FATAL;
    }
    Shutdown shutdown = new Shutdown(host, events);
    if (pubsub != null) {
      shutdown.addReports(pubsub.finalReports());
      shutdown.addCloser(pubsub);
    }
    shutdown.installSignalHandlers();
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("peerId", host.peerId().toBase58());
    f.put("addrs", host.listenAddrs().stream().map(a -> a.withPeerId(host.peerId()).toString())
        .toList());
    f.put("protocols", host.protocols());
    events.emit("listening", f);

    ActionRunner runner = new ActionRunner(events);
    PeerActions actions = new PeerActions(host, events, this, runner);
    DhtActions dhtActions = host.dht().map(d -> new DhtActions(d, host.peerId(), dht, events,
        clock, actionTimeoutSeconds)).orElse(null);
    GossipActions gossipActions = pubsub;
    CompletableFuture<Boolean> done = CompletableFuture.allOf(
        CompletableFuture.runAsync(() -> {
          actions.runAll();
          if (dhtActions != null) {
            dhtActions.runAll(runner);
          }
        }, PeerCommand::daemon),
        gossipActions == null ? CompletableFuture.completedFuture(null)
            : CompletableFuture.runAsync(() -> publishQuietly(gossipActions, runner,
                actions.dialsDone()),
                PeerCommand::daemon))
        .thenApply(v -> !runner.failed());
    if (durationSeconds != null) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds);
      boolean finished;
      try {
        finished = done.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        if (hasActions()) {
          events.error("duration", new IllegalStateException(
              "duration elapsed before all actions finished"));
          return shutdown.exit(EXIT_ACTION_FAILED, "duration");
        }
        return shutdown.exit(EXIT_OK, "duration");
      }
      if (!exitWhenDone) {
        shutdown.awaitQuietly(deadline - System.nanoTime());
      }
      return shutdown.exit(finished ? EXIT_OK : EXIT_ACTION_FAILED, "duration");
    }
    boolean ok = done.join();
    if (exitWhenDone) {
      return shutdown.exit(ok ? EXIT_OK : EXIT_ACTION_FAILED, "done");
    }
    shutdown.awaitSignal();
    return EXIT_OK;
  }

  boolean hasActions() {
    return !dial.isEmpty() || ping != null || echoSend != null || perf != null
        || connectBench != null || !gossip.publish.isEmpty() || gossip.loadPublish != null
        || dht.hasActions();
  }

  /** Runs blocking actions on a thread of their own (never the common pool of a 2-core box). */
  private static void daemon(Runnable task) {
    Thread t = new Thread(task, "peer-actions");
    t.setDaemon(true);
    t.start();
  }

  private void publishQuietly(GossipActions pubsub, ActionRunner runner,
      java.util.concurrent.CountDownLatch dialsDone) {
    try {
      pubsub.publishAll(runner, dialsDone, actionTimeoutSeconds);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Host buildHost(EventPrinter events, PrivateKey key) {
    HostConfig config = HostConfig.defaults().toBuilder().perfEnabled(perfServer).build();
    var builder = Host.builder().identity(key).config(config).listener(new PeerEvents(events));
    if (listen.isEmpty()) {
      builder.listen("/ip4/127.0.0.1/tcp/0");
    }
    listen.forEach(builder::listen);
    EchoService echo = new EchoService(events);
    echoProtocols.forEach(id -> builder.protocol(id, echo.handler()));
    if (dht.enabled()) {
      builder.dht(dht.mode(), KadConfig.defaults());
    }
    return builder.build();
  }

  private void validate() {
    List<String> all = new ArrayList<>(listen);
    all.addAll(dial);
    for (String a : new String[] {ping, echoSend, perf, connectBench}) {
      if (a != null) {
        all.add(a);
      }
    }
    for (String a : all) {
      try {
        Multiaddr.parse(a);
      } catch (RuntimeException e) {
        throw new ParameterException(spec.commandLine(), "bad multiaddr '" + a + "': "
            + e.getMessage());
      }
    }
    if (echoSend != null && (echoProtocols.isEmpty() || (echoData == null) == (echoBytes == null))) {
      throw new ParameterException(spec.commandLine(),
          "--echo-send needs --echo-protocol and exactly one of --echo-data or --echo-bytes");
    }
    if (pingCount < 1 || perfRuns < 1 || connectRuns < 1 || actionTimeoutSeconds < 1
        || perfUpload < 0 || perfDownload < 0 || (echoBytes != null && echoBytes < 0)
        || perfWarmup < 0 || connectWarmup < 0) {
      throw new ParameterException(spec.commandLine(), "counts, sizes and timeouts must be positive");
    }
    gossip.validate(spec.commandLine());
    dht.validate(spec.commandLine());
  }
}
