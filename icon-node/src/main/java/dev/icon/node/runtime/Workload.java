package dev.icon.node.runtime;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A started workload.
 *
 * @param id the runtime's id (Docker container id, or the process runtime's own id)
 * @param spec what it was started from
 * @param endpoint where its service port is reachable from this host (the configured publish
 *     address and a free port)
 */
public record Workload(String id, WorkloadSpec spec, InetSocketAddress endpoint) {
  public Workload {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(endpoint, "endpoint");
  }
}
