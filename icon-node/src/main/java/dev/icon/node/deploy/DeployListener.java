package dev.icon.node.deploy;

/**
 * Observes transfers (progress, completion, refusals). Threading: called on stream event loops
 * and sender threads, possibly concurrently; must be quick, must not block and must not throw
 * (exceptions are logged and ignored).
 */
@FunctionalInterface
public interface DeployListener {

  /** Something happened to a transfer. */
  void onEvent(DeployEvent event);
}
