package dev.icon.node.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to run: an image and/or a command, its environment, limits, the port its service listens
 * on, how to check its health and where it keeps state. Immutable; build with {@link #builder}.
 *
 * <p>Every workload also gets {@code PORT} (the port to listen on) and {@code STATE_DIR} (where to
 * keep state) in its environment; the process runtime adds {@code IMAGE_DIR} (the unpacked image).
 *
 * @param name a label for people and logs: 1-63 of [a-z0-9-], starting with a letter or digit
 * @param image the image to run (Docker: required; process runtime: optional, unpacked for the
 *     command to use), or null
 * @param command the command and its arguments (Docker: replaces the image's; process runtime:
 *     required), may be empty for Docker only
 * @param env extra environment variables
 * @param limits resource limits
 * @param servicePort the port the service listens on inside the workload (Docker) — the process
 *     runtime passes a free host port as {@code PORT} instead
 * @param healthCheck how to probe the service, or null for none (then healthy = running)
 * @param statePath the absolute path of the state directory inside the container (Docker); the
 *     process runtime gives each workload its own directory
 * @param readOnlyRootFs Docker: mount the image's file system read-only (state and /tmp stay
 *     writable)
 */
public record WorkloadSpec(String name, ImageRef image, List<String> command, Map<String, String> env,
    ResourceLimits limits, int servicePort, HealthCheck healthCheck, String statePath,
    boolean readOnlyRootFs) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public WorkloadSpec {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name: 1-63 of [a-z0-9-] starting with a letter or digit, got '" + name + "'");
    }
    command = List.copyOf(Objects.requireNonNull(command, "command"));
    if (image == null && command.isEmpty()) {
      throw new IllegalArgumentException("command: needed when there is no image");
    }
    env = Map.copyOf(Objects.requireNonNull(env, "env"));
    for (String key : env.keySet()) {
      if (!ENV_NAME.matcher(key).matches()) {
        throw new IllegalArgumentException("env: '" + key + "' is not a valid variable name");
      }
    }
    Objects.requireNonNull(limits, "limits");
    if (servicePort < 1 || servicePort > 65535) {
      throw new IllegalArgumentException("servicePort: must be in 1..65535, got " + servicePort);
    }
    Objects.requireNonNull(statePath, "statePath");
    if (!statePath.startsWith("/") || statePath.equals("/") || statePath.contains("..")) {
      throw new IllegalArgumentException("statePath: an absolute path below '/' without '..', got '" + statePath + "'");
    }
  }

  /** A builder named {@code name}; see the setters for defaults. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A builder holding this spec's values. */
  public Builder toBuilder() {
    Builder b = new Builder(name).image(image).command(command).limits(limits).servicePort(servicePort)
        .healthCheck(healthCheck).statePath(statePath).readOnlyRootFs(readOnlyRootFs);
    b.env.putAll(env);
    return b;
  }

  /** Builds a {@link WorkloadSpec}; {@link #build()} validates and names the field at fault. */
  public static final class Builder {
    private String name;
    private ImageRef image;
    private List<String> command = List.of();
    private final Map<String, String> env = new LinkedHashMap<>();
    // Half a core and 64 MiB: a small service; an agreement sets its own.
    private ResourceLimits limits = ResourceLimits.defaults();
    // The unprivileged HTTP port most small services use.
    private int servicePort = 8080;
    // No check unless asked: "running" is all a runtime can know of an unknown service.
    private HealthCheck healthCheck;
    // One well-known place for state, so a container export or state archive finds it.
    private String statePath = "/state";
    // Read-only images: a service can write only its state and /tmp (tmpfs).
    private boolean readOnlyRootFs = true;

    private Builder(String name) {
      this.name = name;
    }

    public Builder name(String name) { this.name = name; return this; }
    public Builder image(ImageRef image) { this.image = image; return this; }
    public Builder command(List<String> command) { this.command = command; return this; }
    public Builder command(String... command) { this.command = List.of(command); return this; }
    public Builder env(String key, String value) { env.put(key, value); return this; }
    public Builder limits(ResourceLimits limits) { this.limits = limits; return this; }
    public Builder servicePort(int servicePort) { this.servicePort = servicePort; return this; }
    public Builder healthCheck(HealthCheck healthCheck) { this.healthCheck = healthCheck; return this; }
    public Builder statePath(String statePath) { this.statePath = statePath; return this; }
    public Builder readOnlyRootFs(boolean readOnlyRootFs) { this.readOnlyRootFs = readOnlyRootFs; return this; }

    public WorkloadSpec build() {
      return new WorkloadSpec(name, image, command, env, limits, servicePort, healthCheck, statePath,
          readOnlyRootFs);
    }
  }
}
