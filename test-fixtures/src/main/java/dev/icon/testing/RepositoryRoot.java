package dev.icon.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's root directory from a test's working directory (a module directory). */
public final class RepositoryRoot {

  private RepositoryRoot() {}

  /** The nearest ancestor of the working directory holding both {@code mvnw} and {@code icon}. */
  public static Path find() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("mvnw")) && Files.isRegularFile(p.resolve("icon"))) {
        return p;
      }
    }
    throw new IllegalStateException("no repository root (with mvnw and icon) above " + dir);
  }
}
