package dev.icon.node.daemon;

import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link NodeService} with its {@link ServiceState}; thread-safe state reads. */
final class ServiceSlot {

  private final NodeService service;
  private volatile ServiceState state = ServiceState.NEW;
  private volatile String error;

  ServiceSlot(NodeService service) {
    this.service = service;
  }

  String name() {
    return service.name();
  }

  ServiceState state() {
    return state;
  }

  void start(NodeContext context) throws Exception {
    state = ServiceState.STARTING;
    try {
      service.start(context);
      state = ServiceState.RUNNING;
    } catch (Exception e) {
      state = ServiceState.FAILED;
      error = String.valueOf(e.getMessage());
      throw new IllegalStateException("service " + name() + " failed to start: " + e.getMessage(), e);
    }
  }

  void stop(NodeEvents events) {
    if (state != ServiceState.RUNNING && state != ServiceState.FAILED) {
      return;
    }
    state = ServiceState.STOPPING;
    try {
      service.stop();
      state = ServiceState.STOPPED;
    } catch (Exception e) {
      state = ServiceState.FAILED;
      error = String.valueOf(e.getMessage());
      events.error("stop " + name(), e);
    }
  }

  /** The state, the error if any, and the service's own fields. */
  Map<String, Object> status() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", state.name());
    if (error != null) {
      m.put("error", error);
    }
    try {
      m.putAll(service.status());
    } catch (RuntimeException e) {
      m.put("statusError", String.valueOf(e.getMessage()));
    }
    return m;
  }
}
