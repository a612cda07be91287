package dev.icon.node.cli.peer;

import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.identity.IdentityException;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The Kademlia DHT options of {@code icon peer}, the same names and key text as the js peer's
 * (key text to bytes: {@link DhtKeys}). The DHT runs only when one of them is given: in server
 * mode with {@code --dht}, else in client mode. A picocli mixin; filled on the command-line
 * thread, read-only afterwards.
 */
final class DhtOptions {

  @Option(names = "--dht", description = "Serve the Kademlia DHT (/ipfs/kad/1.0.0, server mode); "
      + "without it the DHT actions below run in client mode.")
  boolean server;

  @Option(names = "--bootstrap", paramLabel = "MULTIADDR", arity = "1..*",
      description = "DHT peers to join through, each with /p2p/ (repeatable; /dnsaddr/ names are "
          + "resolved through DNS TXT records).")
  List<String> bootstrap = new ArrayList<>();

  @Option(names = "--put", paramLabel = "KEY=VALUE", arity = "1..*",
      description = "Sign VALUE (UTF-8) as our record /icon/<our peer id>/<name> and put it; KEY "
          + "is <name> or that whole key (repeatable).")
  List<String> put = new ArrayList<>();

  @Option(names = "--provide", paramLabel = "KEY", arity = "1..*",
      description = "Announce us as a provider of KEY: a CID (Qm... or b...) or any text, which "
          + "stands for the sha2-256 multihash of its UTF-8 bytes (repeatable).")
  List<String> provide = new ArrayList<>();

  @Option(names = "--get", paramLabel = "KEY", arity = "1..*",
      description = "Get the record /icon/<peer id>/<name> or /pk/<peer id> (repeatable).")
  List<String> get = new ArrayList<>();

  @Option(names = "--find-providers", paramLabel = "KEY", arity = "1..*",
      description = "Find the providers of KEY (as for --provide; repeatable).")
  List<String> findProviders = new ArrayList<>();

  @Option(names = "--find-peer", paramLabel = "PEERID", arity = "1..*",
      description = "Find a peer's addresses through the DHT (repeatable).")
  List<String> findPeer = new ArrayList<>();

  /** Whether any DHT option was given (the DHT runs only then). */
  boolean enabled() {
    return server || hasActions();
  }

  /** Whether a DHT action was requested (the run then has something to finish). */
  boolean hasActions() {
    return !bootstrap.isEmpty() || !put.isEmpty() || !provide.isEmpty() || !get.isEmpty()
        || !findProviders.isEmpty() || !findPeer.isEmpty();
  }

  /** Server with {@code --dht}, otherwise client. */
  DhtMode mode() {
    return server ? DhtMode.SERVER : DhtMode.CLIENT;
  }

  /** Checks what picocli cannot; a problem is a usage error (exit code 2). */
  void validate(CommandLine cli) {
    for (String a : bootstrap) {
      Multiaddr addr;
      try {
        addr = Multiaddr.parse(a);
      } catch (RuntimeException e) {
        throw new ParameterException(cli, "--bootstrap: bad multiaddr '" + a + "': "
            + e.getMessage());
      }
      if (addr.peerId().isEmpty() && !a.startsWith("/dnsaddr/")) {
        throw new ParameterException(cli, "--bootstrap: needs /p2p/<peer id>: " + a);
      }
    }
    for (String p : put) {
      int eq = p.indexOf('=');
      if (eq < 1) {
        throw new ParameterException(cli, "--put: expected KEY=VALUE: " + p);
      }
    }
    for (String k : get) {
      try {
        DhtKeys.recordKey(k);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(cli, "--get: " + e.getMessage());
      }
    }
    for (String k : concat(provide, findProviders)) {
      if (k.isEmpty()) {
        throw new ParameterException(cli, "--provide/--find-providers: key must not be empty");
      }
    }
    for (String id : findPeer) {
      try {
        PeerId.parse(id);
      } catch (IdentityException e) {
        throw new ParameterException(cli, "--find-peer: not a peer id: " + id);
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
