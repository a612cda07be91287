package dev.icon.gossip.host;

import dev.icon.gossip.api.Subscription;
import java.util.concurrent.atomic.AtomicBoolean;

/** One handler's subscription: the first {@link #close()} runs the cancel action. Thread-safe. */
final class HandlerSubscription implements Subscription {
  private final String topic;
  private final Runnable cancel;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  HandlerSubscription(String topic, Runnable cancel) {
    this.topic = topic;
    this.cancel = cancel;
  }

  @Override
  public String topic() {
    return topic;
  }

  @Override
  public void close() {
    if (cancelled.compareAndSet(false, true)) {
      cancel.run();
    }
  }
}
