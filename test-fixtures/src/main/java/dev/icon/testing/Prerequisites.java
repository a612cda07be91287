package dev.icon.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Guards for integration tests that need something outside the JVM (a binary, a Docker engine, a
 * BIND server, npm packages, root).
 *
 * <p>When {@code CI=true} a missing prerequisite fails the test with a message naming it, so a
 * green CI run never hides a skipped test; elsewhere the test is skipped (aborted) with the same
 * message, telling the developer to run {@code scripts/setup-test-env}.
 */
public final class Prerequisites {

  private Prerequisites() {}

  /** Whether this run is CI ({@code CI=true} in the environment). */
  public static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Requires {@code condition}; otherwise fails in CI or skips elsewhere, naming {@code what}. */
  public static void require(String what, BooleanSupplier condition) {
    if (condition.getAsBoolean()) {
      return;
    }
    String message = "missing test prerequisite: " + what + " (run scripts/setup-test-env as root)";
    if (inCi()) {
      Assertions.fail(message);
    }
    Assumptions.abort(message);
  }

  /** Requires an executable named {@code binary} on the PATH (or at an absolute path). */
  public static Path requireBinary(String binary) {
    Path[] found = new Path[1];
    require("executable '" + binary + "' on the PATH", () -> {
      found[0] = findOnPath(binary);
      return found[0] != null;
    });
    return found[0];
  }

  /** Requires the process to run as root (network namespaces, Docker engine). */
  public static void requireRoot() {
    require("root (uid 0)", () -> "root".equals(System.getProperty("user.name")));
  }

  /** Requires {@code command} to exit 0 within {@code timeoutSeconds}. */
  public static void requireCommandSucceeds(String what, long timeoutSeconds, String... command) {
    require(what, () -> exitsZero(timeoutSeconds, command));
  }

  /** The absolute path of {@code binary} found on the PATH, or null. */
  public static Path findOnPath(String binary) {
    if (binary.contains("/")) {
      Path p = Path.of(binary);
      return Files.isExecutable(p) ? p : null;
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    for (String dir : path.split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, binary);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    for (String dir : new String[] {"/usr/sbin", "/sbin"}) {
      Path candidate = Path.of(dir, binary);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean exitsZero(long timeoutSeconds, String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
