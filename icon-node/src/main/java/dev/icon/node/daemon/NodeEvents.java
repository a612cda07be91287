package dev.icon.node.daemon;

import java.util.Map;

/**
 * Where the node reports what happens: {@code icon node} prints each event as one JSON line on
 * stdout; tests collect them. Implementations must be thread-safe (services report from their
 * own threads).
 */
@FunctionalInterface
public interface NodeEvents {

  /** Reports {@code event} with {@code fields} (strings, numbers, booleans, lists, maps). */
  void emit(String event, Map<String, ?> fields);

  /** Reports an {@code error} event naming where it happened. */
  default void error(String where, Throwable cause) {
    Throwable root = cause;
    while ((root instanceof java.util.concurrent.CompletionException
        || root instanceof java.util.concurrent.ExecutionException) && root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    emit("error", Map.of("where", where, "message", message));
  }

  /** Events that go nowhere. */
  static NodeEvents none() {
    return (e, f) -> { };
  }
}
