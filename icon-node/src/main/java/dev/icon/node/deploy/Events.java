package dev.icon.node.deploy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers {@link DeployEvent}s to listeners, logging and swallowing their exceptions. */
final class Events {

  private static final Logger LOG = LoggerFactory.getLogger(Events.class);

  private final List<DeployListener> listeners = new CopyOnWriteArrayList<>();

  void add(DeployListener listener) {
    listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
  }

  void remove(DeployListener listener) {
    listeners.remove(listener);
  }

  void emit(DeployEvent event) {
    for (DeployListener l : listeners) {
      try {
        l.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("deploy listener {} failed on {}: {}", l, event.type(), e.toString());
      }
    }
  }
}
