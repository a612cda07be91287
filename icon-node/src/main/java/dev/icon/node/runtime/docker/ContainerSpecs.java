package dev.icon.node.runtime.docker;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.icon.node.runtime.ResourceLimits;
import dev.icon.node.runtime.RuntimeConfig;
import dev.icon.node.runtime.WorkloadSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@link WorkloadSpec} becomes a Docker container: never privileged, every capability
 * dropped, no-new-privileges, an init process as PID 1 (so SIGTERM reaches the service), memory
 * (swap equal: none extra), NanoCPUs and pids limits, the read-only image with a tmpfs /tmp, the
 * state directory as an anonymous volume, and the service port published on the configured
 * address only, at a port the engine picks. Stateless.
 */
final class ContainerSpecs {

  /** /tmp on a read-only image: small, no executables. */
  static final String TMPFS_OPTIONS = "rw,noexec,nosuid,size=16m";

  private ContainerSpecs() {}

  static HostConfig hostConfig(WorkloadSpec spec, RuntimeConfig config) {
    ResourceLimits limits = spec.limits();
    long memory = (long) limits.memoryMiB() << 20;
    HostConfig host = HostConfig.newHostConfig()
        .withPrivileged(false)
        .withCapDrop(Capability.ALL)
        .withSecurityOpts(List.of("no-new-privileges"))
        .withInit(true)
        .withMemory(memory)
        .withMemorySwap(memory)
        .withNanoCPUs(limits.cpuMillis() * 1_000_000L)
        .withPidsLimit((long) limits.pids())
        .withReadonlyRootfs(spec.readOnlyRootFs())
        .withPortBindings(new PortBinding(Ports.Binding.bindIp(config.publishAddress()), exposed(spec)));
    if (spec.readOnlyRootFs()) {
      host.withTmpFs(Map.of("/tmp", TMPFS_OPTIONS));
    }
    return host;
  }

  static ExposedPort exposed(WorkloadSpec spec) {
    return ExposedPort.tcp(spec.servicePort());
  }

  /** The spec's environment plus PORT, BIND_ADDRESS (0.0.0.0), STATE_DIR and IMAGE_DIR (/). */
  static List<String> env(WorkloadSpec spec) {
    Map<String, String> env = new LinkedHashMap<>(spec.env());
    env.put("PORT", Integer.toString(spec.servicePort()));
    env.put("BIND_ADDRESS", "0.0.0.0");
    env.put("STATE_DIR", spec.statePath());
    env.put("IMAGE_DIR", "/");
    List<String> list = new ArrayList<>();
    env.forEach((k, v) -> list.add(k + "=" + v));
    return list;
  }

  /** The configured labels plus {@value RuntimeConfig#LABEL_WORKLOAD}, scope and name. */
  static Map<String, String> labels(WorkloadSpec spec, RuntimeConfig config) {
    Map<String, String> labels = new LinkedHashMap<>(config.labels());
    labels.put(RuntimeConfig.LABEL_WORKLOAD, "true");
    labels.put(RuntimeConfig.LABEL_SCOPE, config.scope());
    labels.put(RuntimeConfig.LABEL_NAME, spec.name());
    return labels;
  }
}
