package dev.icon.node.runtime.process;

import dev.icon.node.runtime.ResourceLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an unprivileged process can be held to without cgroups: {@code prlimit} (util-linux) sets
 * RLIMIT_AS to the memory limit and RLIMIT_FSIZE to the disk limit for the command. CPU share and
 * process count are NOT enforced (RLIMIT_CPU counts total seconds, RLIMIT_NPROC counts all of the
 * user's processes). Without {@code prlimit} nothing is enforced. Stateless.
 */
final class ProcessLimits {

  private static final Path PRLIMIT = find("prlimit");

  private ProcessLimits() {}

  /** Whether memory and file-size limits are applied ({@code prlimit} found). */
  static boolean enforced() {
    return PRLIMIT != null;
  }

  /** {@code command} run under the limits that can be applied. */
  static List<String> wrap(ResourceLimits limits, List<String> command) {
    if (PRLIMIT == null) {
      return command;
    }
    List<String> wrapped = new ArrayList<>();
    wrapped.add(PRLIMIT.toString());
    long memory = (long) limits.memoryMiB() << 20;
    wrapped.add("--as=" + memory);
    if (limits.diskMiB() > 0) {
      wrapped.add("--fsize=" + ((long) limits.diskMiB() << 20));
    }
    wrapped.add("--");
    wrapped.addAll(command);
    return wrapped;
  }

  /**
   * A port free on {@code address} at this moment (the kernel picks it; another process could
   * take it before the workload binds, which then fails its health check).
   */
  static int freePort(String address) throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
      return socket.getLocalPort();
    }
  }

  /** Whether {@code command} names an executable (a path, or a name on the PATH). */
  static boolean executable(String command) {
    return command.contains("/") ? Files.isExecutable(Path.of(command)) : find(command) != null;
  }

  private static Path find(String binary) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, binary);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    Path p = Path.of("/usr/bin", binary);
    return Files.isExecutable(p) ? p : null;
  }
}
