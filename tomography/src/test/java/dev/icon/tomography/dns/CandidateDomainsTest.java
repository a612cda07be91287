package dev.icon.tomography.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Name;

class CandidateDomainsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "r1.fra.isp-a.example.     | fra.isp-a.example. isp-a.example.",
      "core7.ams.nl.isp-b.net.   | ams.nl.isp-b.net. nl.isp-b.net. isp-b.net.",
      "gw.example.               | ''",
      "example.                  | ''",
      ".                         | ''",
      "2.0.1.10.in-addr.arpa.    | ''",
      "R1.Fra.ISP-A.Example.     | Fra.ISP-A.Example. ISP-A.Example.",
  })
  void everyProperSuffixWithAtLeastTwoLabelsMostSpecificFirst(String name, String expected)
      throws Exception {
    List<String> want = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" "));

    assertThat(CandidateDomains.of(Name.fromString(name))).extracting(Name::toString)
        .containsExactlyElementsOf(want);
  }

  @Test
  void relativeNamesAreRejected() {
    assertThatThrownBy(() -> CandidateDomains.of(Name.fromString("r1.example")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
  }
}
