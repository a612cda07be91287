package dev.icon.interop;

import dev.icon.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the js-libp2p interop peer lives: the {@code node} executable and the
 * {@code integration-tests/js-peer} directory with its installed npm packages.
 *
 * <p>{@link #locate()} checks both through {@link Prerequisites}, so a machine without them skips
 * (or, in CI, fails) the calling test with a message naming what is missing. Immutable.
 */
record JsPeerInstallation(Path node, Path directory) {

  /** The peer's entry script inside {@link #directory()}. */
  static final String SCRIPT = "peer.mjs";

  private static final String JS_PEER_DIR = "integration-tests/js-peer";

  /**
   * Finds node (at least v20) and the js-peer directory. The directory is found from the system
   * property {@code basedir} (Maven sets it to the module directory) or by walking up from the
   * working directory until {@code integration-tests/js-peer/peer.mjs} appears.
   */
  static JsPeerInstallation locate() {
    Path node = Prerequisites.requireBinary("node");
    Prerequisites.requireCommandSucceeds("node >= 20 (js-libp2p 3)", 30, node.toString(), "-e",
        "process.exit(Number(process.versions.node.split('.')[0]) >= 20 ? 0 : 1)");
    Path[] found = new Path[1];
    Prerequisites.require("the js peer directory " + JS_PEER_DIR + " (run the tests from the repository)",
        () -> (found[0] = findDirectory()) != null);
    Path directory = found[0];
    Prerequisites.require("npm packages of " + JS_PEER_DIR + " (npm ci --prefix " + JS_PEER_DIR + ")",
        () -> Files.isRegularFile(directory.resolve("node_modules/libp2p/package.json")));
    return new JsPeerInstallation(node, directory);
  }

  private static Path findDirectory() {
    String basedir = System.getProperty("basedir");
    if (basedir != null) {
      Path module = Path.of(basedir).toAbsolutePath();
      for (Path candidate : new Path[] {module.resolve("js-peer"), module.resolve(JS_PEER_DIR)}) {
        if (Files.isRegularFile(candidate.resolve(SCRIPT))) {
          return candidate;
        }
      }
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(JS_PEER_DIR);
      if (Files.isRegularFile(candidate.resolve(SCRIPT))) {
        return candidate;
      }
    }
    return null;
  }
}
