package dev.icon.gossip.host;

import dev.icon.gossip.api.AsyncTopicValidator;
import dev.icon.gossip.api.GossipMessage;
import dev.icon.gossip.api.Registration;
import dev.icon.gossip.api.TopicValidator;
import dev.icon.gossip.api.ValidationResult;
import dev.icon.gossip.core.MessageValidation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application validators per topic, as the router's {@link MessageValidation}: the synchronous
 * ones run first, in registration order (a REJECT stops at once; an IGNORE skips the async ones);
 * then every asynchronous one, combined so that REJECT beats IGNORE beats ACCEPT. A validator that
 * throws, returns null or fails its stage counts as REJECT; async validators that have not answered
 * within the validation timeout make the message IGNORE.
 *
 * <p>Threading: registration from any thread; {@link #validate} on the router thread.
 */
final class TopicValidators implements MessageValidation {
  private static final Logger LOG = LoggerFactory.getLogger(TopicValidators.class);
  private static final CompletableFuture<ValidationResult> ACCEPT =
      CompletableFuture.completedFuture(ValidationResult.ACCEPT);

  private final Map<String, List<TopicValidator>> sync = new ConcurrentHashMap<>();
  private final Map<String, List<AsyncTopicValidator>> async = new ConcurrentHashMap<>();
  private final long timeoutNanos;

  TopicValidators(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  Registration add(String topic, TopicValidator v) {
    return register(sync, topic, Objects.requireNonNull(v, "validator"));
  }

  Registration add(String topic, AsyncTopicValidator v) {
    return register(async, topic, Objects.requireNonNull(v, "validator"));
  }

  private static <V> Registration register(Map<String, List<V>> map, String topic, V v) {
    Objects.requireNonNull(topic, "topic");
    map.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(v);
    return () -> map.computeIfPresent(topic, (t, list) -> {
      list.remove(v);
      return list.isEmpty() ? null : list;
    });
  }

  @Override
  public CompletionStage<ValidationResult> validate(GossipMessage m) {
    ValidationResult verdict = ValidationResult.ACCEPT;
    for (TopicValidator v : sync.getOrDefault(m.topic(), List.of())) {
      verdict = worse(verdict, runSync(v, m));
      if (verdict == ValidationResult.REJECT) {
        break;
      }
    }
    if (verdict != ValidationResult.ACCEPT) {
      return CompletableFuture.completedFuture(verdict);
    }
    List<AsyncTopicValidator> pending = async.getOrDefault(m.topic(), List.of());
    if (pending.isEmpty()) {
      return ACCEPT;
    }
    CompletableFuture<ValidationResult> all = ACCEPT;
    for (AsyncTopicValidator v : pending) {
      all = all.thenCombine(runAsync(v, m), TopicValidators::worse);
    }
    return all.completeOnTimeout(ValidationResult.IGNORE, timeoutNanos, TimeUnit.NANOSECONDS);
  }

  private static ValidationResult runSync(TopicValidator v, GossipMessage m) {
    try {
      ValidationResult r = v.validate(m);
      return r == null ? ValidationResult.REJECT : r;
    } catch (RuntimeException e) {
      LOG.debug("validator of {} threw; rejecting {}", m.topic(), m.id(), e);
      return ValidationResult.REJECT;
    }
  }

  private static CompletableFuture<ValidationResult> runAsync(AsyncTopicValidator v,
      GossipMessage m) {
    CompletionStage<ValidationResult> stage;
    try {
      stage = v.validate(m);
    } catch (RuntimeException e) {
      LOG.debug("async validator of {} threw; rejecting {}", m.topic(), m.id(), e);
      return CompletableFuture.completedFuture(ValidationResult.REJECT);
    }
    if (stage == null) {
      return CompletableFuture.completedFuture(ValidationResult.REJECT);
    }
    return stage.toCompletableFuture().handle((r, e) -> e != null || r == null
        ? ValidationResult.REJECT : r);
  }

  /** REJECT beats IGNORE beats ACCEPT. */
  static ValidationResult worse(ValidationResult a, ValidationResult b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
