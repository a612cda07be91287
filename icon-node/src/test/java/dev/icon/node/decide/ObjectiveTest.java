package dev.icon.node.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectiveTest {

  @Test
  void parsesTheShortAndTheFullForm() {
    Objective o = Objective.parse("latency=20ms,budget=5/h");
    assertThat(o.latencyTargetMs()).isEqualTo(20);
    assertThat(o.budgetPerHourMicros()).isEqualTo(5_000_000);
    assertThat(o.wLatency()).isEqualTo(Objective.DEFAULT_W_LATENCY);
    Objective full = Objective.parse(" latency = 0.5s , budget=0.000001/h,w_latency=2,"
        + "w_cost=0,W_MOVES=0.25");
    assertThat(full.latencyTargetMs()).isEqualTo(500);
    assertThat(full.budgetPerHourMicros()).isEqualTo(1);
    assertThat(full.wLatency()).isEqualTo(2);
    assertThat(full.wCost()).isZero();
    assertThat(full.wMoves()).isEqualTo(0.25);
    assertThat(Objective.parse(full.toString())).isEqualTo(full);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|objective is empty",
      "latency=20ms|'budget' missing",
      "budget=5/h|'latency' missing",
      "latency=20,budget=5/h|needs a unit, ms or s",
      "latency=-3ms,budget=5/h|'latency' must be positive",
      "latency=abcms,budget=5/h|'latency': 'abc' is not a finite number",
      "latency=NaNms,budget=5/h|is not a finite number",
      "latency=20ms,budget=5|needs the unit /h",
      "latency=20ms,budget=-5/h|must be >= 0",
      "latency=20ms,budget=0/h|'budget' must be positive",
      "latency=20ms,budget=1.0000001/h|more than 6 decimals",
      "latency=20ms,budget=1e30/h|too large",
      "latency=20ms,budget=x/h|'x' is not a number",
      "latency=20ms,budget=5/h,w_cost=-1|'w_cost' must be a finite number >= 0",
      "latency=20ms,budget=5/h,w_latency=Infinity|is not a finite number",
      "latency=20ms,budget=5/h,speed=3|unknown objective key 'speed'",
      "latency=20ms,latency=30ms,budget=5/h|given twice",
      "latency=20ms,,budget=5/h|is not key=value",
      "latency=20ms;budget=5/h|needs a unit"})
  void badInputIsRefusedNamingTheKey(String text, String message) {
    assertThatThrownBy(() -> Objective.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void theConstructorChecksToo() {
    assertThatThrownBy(() -> new Objective(0, 1, 1, 1, 1)).hasMessageContaining("latency");
    assertThatThrownBy(() -> new Objective(1, 0, 1, 1, 1)).hasMessageContaining("budget");
    assertThatThrownBy(() -> new Objective(1, 1, Double.NaN, 1, 1))
        .hasMessageContaining("w_latency");
    assertThatThrownBy(() -> DecisionConfig.builder().hysteresis(-1).build())
        .hasMessageContaining("hysteresis");
    assertThatThrownBy(() -> DecisionConfig.builder().maxRttFactor(0.5).build())
        .hasMessageContaining("maxRttFactor");
    assertThatThrownBy(() -> DecisionConfig.builder().cooldown(java.time.Duration.ofSeconds(-1))
        .build()).hasMessageContaining("cooldown");
  }
}
