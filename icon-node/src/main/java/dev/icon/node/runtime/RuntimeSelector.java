package dev.icon.node.runtime;

import dev.icon.node.runtime.docker.DockerRuntime;
import dev.icon.node.runtime.process.ProcessRuntime;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the runtime for this machine: Docker when an engine answers a ping at
 * {@link RuntimeConfig#dockerHost()} within {@link RuntimeConfig#engineTimeout()}, else the
 * process runtime, logging why at INFO. Stateless.
 */
public final class RuntimeSelector {

  private static final Logger LOG = LoggerFactory.getLogger(RuntimeSelector.class);

  private RuntimeSelector() {}

  /** Docker if its engine answers, else local processes. */
  public static ContainerRuntime select(RuntimeConfig config) {
    return select(config, DockerRuntime::available);
  }

  /** As {@link #select(RuntimeConfig)}, with the engine check as a seam for tests. */
  static ContainerRuntime select(RuntimeConfig config, Predicate<RuntimeConfig> engineAnswers) {
    if (engineAnswers.test(config)) {
      try {
        ContainerRuntime docker = new DockerRuntime(config);
        LOG.info("runtime: docker (engine at {} answers)", config.dockerHost());
        return docker;
      } catch (ContainerRuntimeException e) {
        LOG.info("runtime: process (Docker engine at {} answered a ping, then failed: {})",
            config.dockerHost(), e.getMessage());
      }
    } else {
      LOG.info("runtime: process (no Docker engine answers at {} within {} ms)",
          config.dockerHost(), config.engineTimeout().toMillis());
    }
    return new ProcessRuntime(config);
  }
}
