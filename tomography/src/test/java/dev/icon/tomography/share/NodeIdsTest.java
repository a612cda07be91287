package dev.icon.tomography.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NodeIdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.1", "0.0.0.0", "2001:db8:0:0:0:0:0:1", "0:0:0:0:0:0:0:1",
      "192.0.2.0/24", "0.0.0.0/0", "10.0.0.1/32", "2001:db8:0:0:0:0:0:0/128",
      "12D3KooWJTV9myn7nrcGygePePJC2SvFwFK3JJaYdRnMURjZHDbx",
      "QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N"})
  void canonicalIdsAreValid(String id) {
    assertThat(NodeIds.problem(id)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("dev.icon.tomography.share.TopologyDeltaCodecTest#badIds")
  void otherSpellingsSayWhatIsWrong(String id) {
    assertThat(NodeIds.problem(id)).hasValueSatisfying(p -> assertThat(p).isNotBlank()
        .doesNotContain("\n"));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomValidIdsPassAndRandomTextNeverThrows(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < 200; i++) {
      assertThat(NodeIds.isValid(Deltas.randomId(r))).isTrue();
      char[] junk = new char[r.nextInt(80)];
      for (int k = 0; k < junk.length; k++) {
        junk[k] = "0123456789abcdef.:/%Qm1xyz \u0000\u00e9".charAt(r.nextInt(24));
      }
      NodeIds.problem(new String(junk)); // any answer, never an exception
    }
  }
}
