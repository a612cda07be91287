package dev.icon.tomography;

import dev.icon.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the {@code ./icon} launcher (already built: {@code ICON_SKIP_BUILD=1}) and collects output. */
final class IconCli {

  /** What a run printed and how it ended. */
  record Result(int exitCode, String stdout, String stderr) {}

  private IconCli() {}

  /** Runs {@code ./icon args...} after {@code prefix} (e.g. {@code ip netns exec NS}). */
  static Result run(List<String> prefix, List<String> args) throws IOException,
      InterruptedException {
    Path root = RepositoryRoot.find();
    List<String> argv = new ArrayList<>(prefix);
    argv.add(root.resolve("icon").toString());
    argv.addAll(args);
    Path err = Files.createTempFile("icon-cli-", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder(argv).directory(root.toFile())
          .redirectError(err.toFile());
      pb.environment().put("ICON_SKIP_BUILD", "1");
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("./icon " + args + " did not exit in 120 s");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
          Files.readString(err));
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
