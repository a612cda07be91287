package dev.icon.tomography.traceroute;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The command line of one run, from a config and a target. Stateless. */
public final class TracerouteCommand {

  private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._:%-]{0,252}");

  private TracerouteCommand() {}

  /**
   * The argv for tracing {@code target}: prefix, binary, {@code -n}, mode flags, {@code -m -q -w
   * -f}, target.
   *
   * @throws TracerouteException ({@link TracerouteError#INVALID_TARGET}) for a target that is not
   *     an IP literal or host name, in particular one that would be read as an option
   */
  public static List<String> argv(TracerouteConfig config, String binary, String target) {
    checkTarget(target);
    List<String> argv = new ArrayList<>(config.commandPrefix());
    argv.add(binary);
    argv.add("-n");
    argv.addAll(config.mode().flags());
    argv.add("-m");
    argv.add(Integer.toString(config.maxHops()));
    argv.add("-q");
    argv.add(Integer.toString(config.probesPerHop()));
    argv.add("-w");
    argv.add(seconds(config));
    argv.add("-f");
    argv.add(Integer.toString(config.firstTtl()));
    argv.add(target);
    return argv;
  }

  /** Rejects targets that are not host names or IP literals. */
  static void checkTarget(String target) {
    if (target == null || !TARGET.matcher(target).matches()) {
      throw new TracerouteException(TracerouteError.INVALID_TARGET,
          "'" + target + "' is not an IP address or host name");
    }
  }

  private static String seconds(TracerouteConfig config) {
    return BigDecimal.valueOf(config.probeWait().toMillis(), 3).stripTrailingZeros().toPlainString();
  }
}
