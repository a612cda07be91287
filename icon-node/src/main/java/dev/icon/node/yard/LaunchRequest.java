package dev.icon.node.yard;

import dev.icon.node.runtime.HealthCheck;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the image received under an agreement: what the consumer asks for besides the
 * artifacts. The limits are not here: they come from the agreement.
 *
 * @param name a label for the workload (as {@code WorkloadSpec#name})
 * @param command the command (Docker: replaces the image's; process runtime: required)
 * @param servicePort the port the service listens on inside the workload
 * @param healthCheck how to probe it, or null (then healthy = running)
 * @param env extra environment variables
 */
public record LaunchRequest(String name, List<String> command, int servicePort,
    HealthCheck healthCheck, Map<String, String> env) {

  public LaunchRequest {
    Objects.requireNonNull(name, "name");
    command = List.copyOf(Objects.requireNonNull(command, "command"));
    env = Map.copyOf(Objects.requireNonNull(env, "env"));
  }
}
