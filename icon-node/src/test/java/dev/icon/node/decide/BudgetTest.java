package dev.icon.node.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BudgetTest {

  @Test
  void splitThenReturnSumsExactly() {
    Budget parent = new Budget(10_000_000);
    Budget child = new Budget(parent.split(3_333_333));
    assertThat(parent.available()).isEqualTo(6_666_667);
    assertThat(child.trySpend(1_000_001)).isTrue();
    long back = child.close();
    assertThat(back).isEqualTo(2_333_332);
    parent.receiveReturn(back);
    assertThat(parent.available() + child.spent()).isEqualTo(10_000_000);
    assertThat(child.trySpend(1)).as("a closed budget spends nothing").isFalse();
    assertThat(child.close()).isZero();
  }

  @Test
  void neverNegativeAndNoReturnBeyondWhatWasGranted() {
    Budget b = new Budget(100);
    assertThat(b.trySpend(101)).isFalse();
    assertThat(b.available()).isEqualTo(100);
    assertThatThrownBy(() -> b.split(101)).hasMessageContaining("only 100 available");
    assertThatThrownBy(() -> b.split(0)).hasMessageContaining("shareMicros must be positive");
    assertThatThrownBy(() -> b.receiveReturn(1)).hasMessageContaining("exceeds the 0 outstanding");
    assertThatThrownBy(() -> new Budget(-1)).hasMessageContaining("initialMicros");
    b.split(40);
    assertThatThrownBy(() -> b.receiveReturn(41)).hasMessageContaining("40 outstanding");
  }

  /** A random tree of budgets: split, spend, terminate; money is neither made nor lost. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void randomTreesConserveMoney(long seed) {
    Random r = new Random(seed);
    long initial = 1 + (r.nextLong() >>> 4);
    List<Budget> live = new ArrayList<>();
    List<Integer> parentOf = new ArrayList<>();
    List<Budget> all = new ArrayList<>();
    Budget root = new Budget(initial);
    live.add(root);
    all.add(root);
    parentOf.add(-1);
    for (int step = 0; step < 500; step++) {
      int k = r.nextInt(live.size());
      Budget b = live.get(k);
      switch (r.nextInt(3)) {
        case 0 -> {
          if (b.available() > 0) {
            Budget c = new Budget(b.split(1 + Math.floorMod(r.nextLong(), b.available())));
            live.add(c);
            all.add(c);
            parentOf.add(all.indexOf(b));
          }
        }
        case 1 -> {
          if (b.available() > 0) {
            assertThat(b.trySpend(1 + Math.floorMod(r.nextLong(), b.available()))).isTrue();
          }
        }
        default -> {
          int idx = all.indexOf(b);
          if (parentOf.get(idx) >= 0 && all.get(parentOf.get(idx)).isClosed() == false) {
            all.get(parentOf.get(idx)).receiveReturn(b.close());
            live.remove(k);
          }
        }
      }
      long sum = 0;
      for (Budget x : all) {
        assertThat(x.available()).isNotNegative();
        sum += x.available() + x.spent();
      }
      assertThat(sum).isEqualTo(initial);
    }
  }
}
