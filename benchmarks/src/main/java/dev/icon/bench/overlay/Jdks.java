package dev.icon.bench.overlay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The JDKs present under /usr/lib/jvm, found the same way the ./icon launcher finds them. */
public final class Jdks {

  private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"([0-9][^\"]*)\"",
      Pattern.MULTILINE);

  private Jdks() {}

  /** The JDK with the highest feature version (the running one if none is listed). */
  public static Path newest() throws IOException {
    Path best = Path.of(System.getProperty("java.home"));
    int bestMajor = Runtime.version().feature();
    for (Path home : homes()) {
      int major = major(home);
      if (major > bestMajor) {
        best = home;
        bestMajor = major;
      }
    }
    return best;
  }

  /** A JDK of feature version {@code major}, or null. */
  public static Path find(int major) throws IOException {
    for (Path home : homes()) {
      if (major(home) == major) {
        return home;
      }
    }
    return null;
  }

  /** "JDK 25.0.3", from the JDK's release file. */
  public static String label(Path home) {
    try {
      Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
      return m.find() ? "JDK " + m.group(1) : "JDK ?";
    } catch (IOException e) {
      return "JDK " + Runtime.version().feature();
    }
  }

  /** The directory holding both {@code mvnw} and {@code icon}, above the working directory. */
  public static Path repositoryRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("mvnw")) && Files.isRegularFile(p.resolve("icon"))) {
        return p;
      }
    }
    throw new IllegalStateException("run from inside the repository");
  }

  private static int major(Path home) {
    String label = label(home);
    Matcher m = Pattern.compile("(\\d+)").matcher(label);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static Iterable<Path> homes() throws IOException {
    Path jvm = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvm)) {
      return java.util.List.of();
    }
    try (Stream<Path> s = Files.list(jvm)) {
      return s.filter(h -> Files.isExecutable(h.resolve("bin/javac"))
          && Files.isRegularFile(h.resolve("release"))).sorted().toList();
    }
  }
}
