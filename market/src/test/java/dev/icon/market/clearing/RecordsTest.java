package dev.icon.market.clearing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The records refuse what no clearing could use, naming the id and the field. */
class RecordsTest {

  @ParameterizedTest(name = "{4}")
  @CsvSource(delimiter = '|', value = {
      "b  | i | -1 | 1  | bid b: value_per_unit must be >= 0, got -1",
      "b  | i | 1  | 0  | bid b: units must be >= 1, got 0",
      "b  | i | 1  | -5 | bid b: units must be >= 1, got -5",
      "'' | i | 1  | 1  | bid id is missing",
      "b  | '' | 1 | 1  | bid b: bidder is missing",
  })
  void badBids(String id, String bidder, long value, long units, String message) {
    assertThatThrownBy(() -> Bid.any(id, bidder, value, units))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{4}")
  @CsvSource(delimiter = '|', value = {
      "a  | p | -1 | 1 | ask a: cost_per_unit must be >= 0, got -1",
      "a  | p | 1  | 0 | ask a: units must be >= 1, got 0",
      "a  | '' | 1 | 1 | ask a: provider is missing",
  })
  void badAsks(String id, String provider, long cost, long units, String message) {
    assertThatThrownBy(() -> new Ask(id, provider, cost, units))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void overlongAndControlCharacterIdsAreRefused() {
    assertThatThrownBy(() -> Bid.any("x".repeat(257), "i", 1, 1))
        .hasMessage("bid id is longer than 256 chars");
    assertThatThrownBy(() -> new Ask("a\n", "p", 1, 1))
        .hasMessage("ask id contains a control character");
    assertThatThrownBy(() -> new Bid("b", "i", 1, 1, Set.of("")))
        .hasMessage("bid b: accept entry is missing");
  }

  @Test
  void acceptIsCopiedSortedAndUnmodifiable() {
    java.util.Set<String> source = new java.util.HashSet<>(Set.of("z", "a"));
    Bid b = new Bid("b", "i", 1, 1, source);
    source.add("m");

    assertThat(b.accept()).containsExactly("a", "z");
    assertThatThrownBy(() -> b.accept().add("q")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(b.accepts("a")).isTrue();
    assertThat(b.accepts("m")).isFalse();
    assertThat(Bid.any("c", "i", 1, 1).accepts("anything")).isTrue();
  }

  @Test
  void aTradeNeverRunsADeficit() {
    assertThatThrownBy(() -> new Trade("b", "a", 1, 4, 5))
        .hasMessageContaining("seller_gets_per_unit <= buyer_pays_per_unit");
  }

  @Test
  void excludedIsKeptSortedAndUnique() {
    ClearingResult r = new ClearingResult(List.of(), List.of("z", "a"), "m")
        .withExcluded(List.of("a", "c"));

    assertThat(r.excluded()).containsExactly("a", "c", "z");
  }
}
