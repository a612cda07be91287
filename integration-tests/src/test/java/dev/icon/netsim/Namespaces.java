package dev.icon.netsim;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Network namespaces named with a prefix: create, list, delete (killing what runs inside first),
 * and sweep the leftovers of earlier runs. Test runs use {@code icmi<pid>-}; a run's leftovers
 * are swept only once its JVM is gone, so parallel runs never touch each other. Stateless.
 */
public final class Namespaces {

  /** The prefix of namespaces made by a test JVM: {@code icmi<pid>-}. */
  static final Pattern RUN_PREFIX = Pattern.compile("^icmi(\\d+)-");

  private Namespaces() {}

  /** The prefix for this JVM's namespaces. */
  public static String runPrefix() {
    return "icmi" + ProcessHandle.current().pid() + "-";
  }

  /** Every namespace whose name starts with {@code prefix}. */
  public static List<String> list(String prefix) throws IOException {
    return Commands.check("ip", "netns", "list").lines()
        .map(l -> l.split("\\s+")[0]).filter(n -> n.startsWith(prefix)).toList();
  }

  /** Kills every process inside {@code ns}, then deletes it; never throws, reports to stderr. */
  public static void delete(String ns) {
    try {
      for (int round = 0; round < 3; round++) {
        List<String> pids = Commands.check("ip", "netns", "pids", ns).lines()
            .filter(l -> !l.isBlank()).toList();
        if (pids.isEmpty()) {
          break;
        }
        for (String pid : pids) {
          ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (String pid : pids) {
          ProcessHandle.of(Long.parseLong(pid.strip()))
              .ifPresent(h -> h.onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                  .exceptionally(e -> h).join());
        }
      }
      Commands.check("ip", "netns", "del", ns);
    } catch (IOException | RuntimeException e) {
      System.err.println("netsim: could not delete namespace " + ns + ": " + e.getMessage());
    }
  }

  /** Deletes every {@code icmi<pid>-} namespace whose JVM no longer runs; returns them. */
  public static List<String> sweepDeadRuns() throws IOException {
    List<String> dead = list("icmi").stream().filter(ns -> {
      Matcher m = RUN_PREFIX.matcher(ns);
      return m.find() && ProcessHandle.of(Long.parseLong(m.group(1)))
          .map(h -> !h.isAlive()).orElse(true);
    }).toList();
    dead.forEach(Namespaces::delete);
    return dead;
  }
}
