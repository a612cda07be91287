package dev.icon.gossip.api;

/** A handle to undo a registration (validator, listener, subscription). Idempotent. */
public interface Registration extends AutoCloseable {

  /** Removes what was registered; later calls do nothing. */
  @Override
  void close();
}
