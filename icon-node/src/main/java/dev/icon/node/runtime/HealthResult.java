package dev.icon.node.runtime;

/**
 * The outcome of health probing.
 *
 * @param healthy whether the service answered as its {@link HealthCheck} asks
 * @param probes how many probes were made
 * @param detail what the last probe saw (e.g. "HTTP 200", "connection refused", "exited (137)")
 */
public record HealthResult(boolean healthy, int probes, String detail) {}
