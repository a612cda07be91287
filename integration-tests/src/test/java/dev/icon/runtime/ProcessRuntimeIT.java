package dev.icon.runtime;

import dev.icon.node.runtime.ContainerRuntime;
import dev.icon.node.runtime.RuntimeConfig;
import dev.icon.node.runtime.process.ProcessRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** The runtime contract on local processes; places are two process roots. */
class ProcessRuntimeIT extends ContainerRuntimeContract {

  @TempDir Path roots;

  @Override
  protected ContainerRuntime newRuntime(String place) {
    return new ProcessRuntime(RuntimeConfig.builder().processRoot(roots.resolve(place))
        .stopTimeout(Duration.ofSeconds(3)).build());
  }

  /** State directories left under the place's root (its images are kept there by design). */
  @Override
  protected List<String> leftovers(String place) {
    Path state = roots.resolve(place).resolve("state");
    if (!Files.isDirectory(state)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(state)) {
      return dirs.map(Path::toString).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
