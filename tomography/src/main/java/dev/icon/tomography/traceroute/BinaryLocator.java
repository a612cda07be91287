package dev.icon.tomography.traceroute;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds an executable by path or on the PATH (plus /usr/sbin and /sbin). Stateless. */
public final class BinaryLocator {

  private BinaryLocator() {}

  /**
   * The executable {@code binary} names.
   *
   * @throws TracerouteException ({@link TracerouteError#BINARY_MISSING}) naming the path or the
   *     directories searched
   */
  static Path locate(String binary, Map<String, String> env) {
    Optional<Path> found = find(binary, env);
    if (found.isPresent()) {
      return found.get();
    }
    if (binary.contains("/")) {
      Path p = Path.of(binary);
      throw new TracerouteException(TracerouteError.BINARY_MISSING,
          "traceroute executable " + p + " does not exist or is not executable"
              + " (install the 'traceroute' package or set TracerouteConfig.binary)");
    }
    throw new TracerouteException(TracerouteError.BINARY_MISSING,
        "traceroute executable '" + binary + "' not found in " + String.join(":", searched(env))
            + " (install the 'traceroute' package or set TracerouteConfig.binary)");
  }

  /**
   * The executable {@code binary} names: itself when it contains a slash, else the first match
   * in {@link #searched}; empty when there is none.
   */
  public static Optional<Path> find(String binary, Map<String, String> env) {
    if (binary.contains("/")) {
      Path p = Path.of(binary);
      return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    for (String dir : searched(env)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, binary);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The directories searched: {@code env}'s PATH, then /usr/sbin and /sbin. */
  public static List<String> searched(Map<String, String> env) {
    List<String> dirs = new ArrayList<>(List.of(
        env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin").split(":")));
    dirs.add("/usr/sbin");
    dirs.add("/sbin");
    return dirs;
  }
}
