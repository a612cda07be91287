package dev.icon.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The major version of the newest JDK under /usr/lib/jvm, read independently of the launcher. */
final class NewestJdk {

  private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

  private NewestJdk() {}

  static int majorVersion() throws IOException {
    int newest = Runtime.version().feature();
    Path jvm = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvm)) {
      return newest;
    }
    try (Stream<Path> dirs = Files.list(jvm)) {
      for (Path dir : (Iterable<Path>) dirs::iterator) {
        Path release = dir.resolve("release");
        if (Files.isRegularFile(release) && Files.isExecutable(dir.resolve("bin/javac"))) {
          Matcher m = VERSION.matcher(Files.readString(release));
          if (m.find()) {
            newest = Math.max(newest, Integer.parseInt(m.group(1)));
          }
        }
      }
    }
    return newest;
  }
}
