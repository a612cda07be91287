package dev.icon.node.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of a {@link ContainerRuntime}; immutable, built by {@link #builder()} (defaults on its
 * fields) and checked by {@code build()}, which names the field at fault.
 *
 * @param dockerHost the Docker engine's address ({@code unix:///path} or {@code tcp://host:port})
 * @param publishAddress the host address workload ports are published on
 * @param stopTimeout how long a stop waits after SIGTERM before SIGKILL
 * @param engineTimeout bound of connecting to the engine and of its ping
 * @param scope this runtime's value of the {@value #LABEL_SCOPE} label: two runtimes on one engine
 *     with different scopes never touch each other's workloads
 * @param labels extra labels put on every container
 * @param logLines most log lines kept per process workload (Docker keeps its own logs)
 * @param processRoot the process runtime's directory for images and state, or null for a fresh
 *     temporary directory deleted on close
 * @param removeOnClose whether {@code close()} removes the workloads this runtime started
 */
public record RuntimeConfig(String dockerHost, String publishAddress, Duration stopTimeout,
    Duration engineTimeout, String scope, Map<String, String> labels, int logLines, Path processRoot,
    boolean removeOnClose) {

  /** Label on every ICON container (value "true"): finds them all. */
  public static final String LABEL_WORKLOAD = "dev.icon.workload";
  /** Label holding the {@link #scope()} of the runtime that started the container. */
  public static final String LABEL_SCOPE = "dev.icon.scope";
  /** Label holding the {@link WorkloadSpec#name()}. */
  public static final String LABEL_NAME = "dev.icon.name";

  private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

  public RuntimeConfig {
    Objects.requireNonNull(dockerHost, "dockerHost");
    if (!dockerHost.startsWith("unix://") && !dockerHost.startsWith("tcp://")) {
      throw new IllegalArgumentException("dockerHost: expected unix:///path or tcp://host:port, got '" + dockerHost + "'");
    }
    Objects.requireNonNull(publishAddress, "publishAddress");
    if (publishAddress.isBlank()) {
      throw new IllegalArgumentException("publishAddress: must not be blank");
    }
    positive("stopTimeout", stopTimeout);
    positive("engineTimeout", engineTimeout);
    Objects.requireNonNull(scope, "scope");
    if (!SCOPE.matcher(scope).matches()) {
      throw new IllegalArgumentException("scope: 1-63 of [A-Za-z0-9_.-], got '" + scope + "'");
    }
    labels = Map.copyOf(Objects.requireNonNull(labels, "labels"));
    for (String key : labels.keySet()) {
      if (key.startsWith("dev.icon.")) {
        throw new IllegalArgumentException("labels: '" + key + "' is reserved (dev.icon.*)");
      }
    }
    if (logLines < 1) {
      throw new IllegalArgumentException("logLines: must be at least 1, got " + logLines);
    }
  }

  private static void positive(String field, Duration d) {
    Objects.requireNonNull(d, field);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + ": must be positive, got " + d);
    }
  }

  /** The defaults (see {@link Builder}). */
  public static RuntimeConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RuntimeConfig}. */
  public static final class Builder {
    // Debian's docker.io listens here.
    private String dockerHost = "unix:///var/run/docker.sock";
    // Loopback: a workload is reachable from this host only, until a gateway in front publishes it.
    private String publishAddress = "127.0.0.1";
    // Docker's own default grace period.
    private Duration stopTimeout = Duration.ofSeconds(10);
    // A local engine answers a ping in milliseconds; two seconds means it is not there.
    private Duration engineTimeout = Duration.ofSeconds(2);
    private String scope = "default";
    private final Map<String, String> labels = new LinkedHashMap<>();
    // Enough to see why a service failed to start; bounded so a chatty one cannot fill memory.
    private int logLines = 200;
    private Path processRoot;
    // A runtime owns what it started: nothing outlives it unless asked.
    private boolean removeOnClose = true;

    private Builder() {}

    public Builder dockerHost(String dockerHost) { this.dockerHost = dockerHost; return this; }
    public Builder publishAddress(String publishAddress) { this.publishAddress = publishAddress; return this; }
    public Builder stopTimeout(Duration stopTimeout) { this.stopTimeout = stopTimeout; return this; }
    public Builder engineTimeout(Duration engineTimeout) { this.engineTimeout = engineTimeout; return this; }
    public Builder scope(String scope) { this.scope = scope; return this; }
    public Builder label(String key, String value) { labels.put(key, value); return this; }
    public Builder logLines(int logLines) { this.logLines = logLines; return this; }
    public Builder processRoot(Path processRoot) { this.processRoot = processRoot; return this; }
    public Builder removeOnClose(boolean removeOnClose) { this.removeOnClose = removeOnClose; return this; }

    public RuntimeConfig build() {
      return new RuntimeConfig(dockerHost, publishAddress, stopTimeout, engineTimeout, scope, labels,
          logLines, processRoot, removeOnClose);
    }
  }
}
