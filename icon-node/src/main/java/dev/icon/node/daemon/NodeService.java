package dev.icon.node.daemon;

import java.util.Map;

/**
 * A part of a running {@link IconNode}: the seam through which every capability (topology sharing,
 * probing, negotiation, provider announcements, DNS registration, and later container runtimes,
 * deploy transfer, ingress, decision engine, ledger) joins the daemon. The node starts services in
 * the order they were added, after the host and gossip, and stops them in reverse order before
 * the host; a service whose start throws is marked FAILED and the node start fails (the ones
 * already started are stopped). A failing stop is reported and the next stop still runs.
 *
 * <p>Threading: {@link #start} and {@link #stop} are called once each, from the node's lifecycle
 * thread; {@link #status} may be called from the admin API's threads at any time (also before
 * start and after stop) and must not block for long.
 */
public interface NodeService {

  /** A short stable name: the key of this service in {@code /status}'s {@code services}. */
  String name();

  /** Starts the service; may block briefly (seconds at most). */
  void start(NodeContext context) throws Exception;

  /** Stops the service and releases what it holds. */
  void stop() throws Exception;

  /**
   * This service's part of {@code /status} (JSON-able values: strings, numbers, booleans, lists,
   * maps). Never secrets or private keys.
   */
  Map<String, Object> status();
}
