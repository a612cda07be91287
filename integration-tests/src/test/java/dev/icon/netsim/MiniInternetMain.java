package dev.icon.netsim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The mini internet by hand (run as root; see integration-tests/README.md):
 *
 * <pre>
 *   up FILE|RESOURCE [PREFIX]     build it and leave it running (prefix default icmih-)
 *   down [PREFIX]                 delete every namespace with the prefix and what runs inside
 *   exec NODE [PREFIX --] CMD...  run CMD inside NODE's namespace, output inherited
 * </pre>
 *
 * Hand-made namespaces use a prefix without a pid ({@code icmih-}), so test runs never sweep
 * them. Exit codes: 0 done, 2 bad usage, 1 failure (message on stderr), else the command's.
 */
public final class MiniInternetMain {

  static final String HAND_PREFIX = "icmih-";

  private MiniInternetMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage();
    }
    switch (args[0]) {
      case "up" -> {
        if (args.length < 2 || args.length > 3) {
          usage();
        }
        Path file = Path.of(args[1]);
        Topology t = Files.isRegularFile(file) ? TopologyYaml.parse(Files.readString(file))
            : TopologyYaml.resource(args[1]);
        String prefix = args.length == 3 ? args[2] : HAND_PREFIX;
        if (!Namespaces.list(prefix).isEmpty()) {
          fail("namespaces with prefix " + prefix + " exist already: run 'down " + prefix + "'");
        }
        MiniInternet net = MiniInternet.startDetached(t, prefix);
        for (String node : t.nodes().keySet()) {
          System.out.printf("%-12s %-9s %-15s %s%n", node,
              t.node(node).role().name().toLowerCase(java.util.Locale.ROOT), net.address(node),
              net.namespace(node));
        }
        System.out.println("dns " + net.dnsHostPort() + "  (exec NODE dig -p "
            + t.dns().port() + " @" + net.address(t.dns().node()) + " -x ADDRESS)");
      }
      case "down" -> {
        List<String> gone = MiniInternet.down(args.length > 1 ? args[1] : HAND_PREFIX);
        System.out.println("deleted " + gone.size() + " namespaces");
      }
      case "exec" -> {
        if (args.length < 3) {
          usage();
        }
        String prefix = HAND_PREFIX;
        int from = 2;
        int dashes = Arrays.asList(args).indexOf("--");
        if (dashes == 3) {
          prefix = args[2];
          from = 4;
        }
        List<String> argv = new java.util.ArrayList<>(Commands.inNamespace(prefix + args[1]));
        argv.addAll(Arrays.asList(args).subList(from, args.length));
        System.exit(new ProcessBuilder(argv).inheritIO().start().waitFor());
      }
      default -> usage();
    }
  }

  private static void usage() {
    System.err.println("usage: up FILE|RESOURCE [PREFIX] | down [PREFIX] | exec NODE [PREFIX --] CMD...");
    System.exit(2);
  }

  private static void fail(String message) {
    System.err.println(message);
    System.exit(1);
  }
}
