package dev.icon.node.cli.node;

import dev.icon.node.config.ConfigException;
import dev.icon.node.config.NodeConfig;
import dev.icon.node.config.NodeConfigParser;
import dev.icon.node.daemon.IconNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import sun.misc.Signal;

/**
 * {@code icon node}: runs an ICON node (daemon) from a YAML config until SIGINT/SIGTERM or the end
 * of {@code --duration}, printing JSON events on stdout (logs on stderr).
 */
@Command(name = "node", sortOptions = false,
    description = {"Run an ICON node: libp2p host with DHT and gossip, topology sharing, probe "
        + "service, negotiation and announcements as a provider, DNS registration, and the "
        + "admin HTTP API (/status, /metrics, /health; loopback 127.0.0.1:7710 by default).",
        "Prints JSON events, one per line (node-up, peer-connected, bootstrapped, shutdown, "
        + "error). SIGINT/SIGTERM stop it cleanly (exit 0).",
        "Every setting and its default: icon node --print-default-config."},
    footer = {"", "Exit codes: 0 stopped cleanly, 1 failed to start, 2 bad usage or config "
        + "(the message names the key at fault)."})
public final class NodeCommand implements Callable<Integer> {

  static final int EXIT_OK = 0;
  static final int EXIT_FATAL = 1;
  static final int EXIT_CONFIG = 2;

  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE",
      description = "YAML configuration (defaults for every key left out; none: all defaults).")
  Path config;

  @Option(names = "--print-default-config",
      description = "Print the commented reference configuration (every key, its default) and exit.")
  boolean printDefault;

  @Option(names = "--check-config", description = "Parse the configuration, report and exit.")
  boolean checkOnly;

  @Option(names = "--duration", paramLabel = "SECONDS",
      description = "Stop after this long (default: run until SIGINT/SIGTERM).")
  Long durationSeconds;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Override
  public Integer call() throws Exception {
    if (printDefault) {
      spec.commandLine().getOut().print(NodeConfig.referenceYaml());
      spec.commandLine().getOut().flush();
      return EXIT_OK;
    }
    JsonLines events = new JsonLines(System.out, Clock.systemUTC());
    NodeConfig cfg;
    try {
      cfg = config == null ? NodeConfig.defaults() : NodeConfigParser.parse(config);
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("icon node: bad config " + (config == null ? ""
          : config + ": ") + e.getMessage());
      return EXIT_CONFIG;
    }
    if (checkOnly) {
      events.emit("config-ok", Map.of("roles", cfg.roles().stream().map(r -> r.yamlName())
          .sorted().toList()));
      return EXIT_OK;
    }
    IconNode node = new IconNode(cfg, events);
    CountDownLatch signalled = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable stop = () -> {
      if (stopping.compareAndSet(false, true)) {
        node.stop();
      }
    };
    Thread hook = new Thread(stop, "icon-node-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    for (String name : new String[] {"INT", "TERM"}) {
      Signal.handle(new Signal(name), s -> {
        if (stopping.get()) {
          Runtime.getRuntime().halt(EXIT_OK); // a second signal: do not wait
        }
        events.emit("shutdown", Map.of("code", EXIT_OK, "reason", "SIG" + name));
        stop.run();
        signalled.countDown();
        System.exit(EXIT_OK);
      });
    }
    try {
      node.start();
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("icon node: bad config: " + e.getMessage());
      events.error("start", e);
      return EXIT_CONFIG;
    } catch (Exception e) {
      events.error("start", e);
      return EXIT_FATAL;
    }
    if (durationSeconds != null) {
      if (!signalled.await(durationSeconds, TimeUnit.SECONDS)) {
        events.emit("shutdown", Map.of("code", EXIT_OK, "reason", "duration"));
        stop.run();
      }
      return EXIT_OK;
    }
    signalled.await();
    return EXIT_OK;
  }
}
