package dev.icon.node.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  @ParameterizedTest
  @CsvSource({
      "START, ACTIVE", "START, FAILED",
      "ACTIVE, MIGRATING", "ACTIVE, REPLICATING", "ACTIVE, TERMINATING", "ACTIVE, FAILED",
      "MIGRATING, ACTIVE", "MIGRATING, FAILED", "REPLICATING, ACTIVE", "REPLICATING, FAILED",
      "TERMINATING, TERMINATED", "TERMINATING, FAILED"})
  void allowedTransitions(Lifecycle from, Lifecycle to) {
    LifecycleMachine m = new LifecycleMachine(from);
    assertThat(m.moveTo(to)).isEqualTo(from);
    assertThat(m.state()).isEqualTo(to);
  }

  @ParameterizedTest
  @EnumSource(Lifecycle.class)
  void everyOtherTransitionIsRefusedWithAClearError(Lifecycle from) {
    Set<Lifecycle> refused = EnumSet.complementOf(EnumSet.copyOf(
        from.next().isEmpty() ? EnumSet.of(from) : from.next()));
    refused.removeAll(from.next());
    for (Lifecycle to : refused) {
      LifecycleMachine m = new LifecycleMachine(from);
      assertThatThrownBy(() -> m.moveTo(to)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("illegal lifecycle transition " + from + " -> " + to);
      assertThat(m.state()).isEqualTo(from);
      assertThat(m.tryMoveTo(to)).isFalse();
    }
  }

  @Test
  void finalStatesAndSpending() {
    assertThat(Lifecycle.TERMINATED.isFinal()).isTrue();
    assertThat(Lifecycle.FAILED.isFinal()).isTrue();
    assertThat(Lifecycle.TERMINATED.next()).isEmpty();
    assertThat(Lifecycle.TERMINATING.maySpend()).isFalse();
    assertThat(Lifecycle.ACTIVE.maySpend()).isTrue();
    LifecycleMachine m = new LifecycleMachine();
    assertThat(m.state()).isEqualTo(Lifecycle.START);
    m.moveTo(Lifecycle.ACTIVE);
    m.moveTo(Lifecycle.REPLICATING);
    m.moveTo(Lifecycle.ACTIVE);
    m.moveTo(Lifecycle.TERMINATING);
    m.moveTo(Lifecycle.TERMINATED);
    assertThatThrownBy(() -> m.moveTo(Lifecycle.ACTIVE))
        .hasMessageContaining("allowed from TERMINATED: []");
  }
}
