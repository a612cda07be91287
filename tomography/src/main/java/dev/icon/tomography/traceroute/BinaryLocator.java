package dev.icon.tomography.traceroute;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds an executable by path or on the PATH (plus /usr/sbin and /sbin). Stateless. */
final class BinaryLocator {

  private BinaryLocator() {}

  /**
   * The executable {@code binary} names.
   *
   * @throws TracerouteException ({@link TracerouteError#BINARY_MISSING}) naming the path or the
   *     directories searched
   */
  static Path locate(String binary, Map<String, String> env) {
    if (binary.contains("/")) {
      Path p = Path.of(binary);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
      throw new TracerouteException(TracerouteError.BINARY_MISSING,
          "traceroute executable " + p + " does not exist or is not executable"
              + " (install the 'traceroute' package or set TracerouteConfig.binary)");
    }
    List<String> dirs = new ArrayList<>(List.of(
        env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin").split(":")));
    dirs.add("/usr/sbin");
    dirs.add("/sbin");
    for (String dir : dirs) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, binary);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new TracerouteException(TracerouteError.BINARY_MISSING,
        "traceroute executable '" + binary + "' not found in " + String.join(":", dirs)
            + " (install the 'traceroute' package or set TracerouteConfig.binary)");
  }
}
