package dev.icon.market.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LedgerConfigTest {

  private static final List<LedgerMember> THREE = List.of(
      LedgerMember.parse("m1@127.0.0.1:5001"),
      LedgerMember.parse("m2@127.0.0.1:5002"),
      LedgerMember.parse("m3@127.0.0.1:5003"));

  @Test
  void defaultsAreASingleEmbeddedMemberOnLoopbackPersistedUnderHome() {
    LedgerConfig c = LedgerConfig.defaults();
    assertThat(c.clustered()).isFalse();
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isZero();
    assertThat(c.flushOnCommit()).isTrue();
    assertThat(c.dataDirectory()).isEqualTo(Path.of(System.getProperty("user.home"), ".icon", "ledger"));
    assertThat(c.operationTimeout()).isPositive();
  }

  @Test
  void aClusterNamesItselfAmongItsMembers() {
    LedgerConfig c = LedgerConfig.builder().memberId("m2").members(THREE).build();
    assertThat(c.clustered()).isTrue();
    assertThat(c.self()).contains(new LedgerMember("m2", "127.0.0.1", 5002));
  }

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        bad("memberId", b -> b.memberId(" ")),
        bad("host", b -> b.host("")),
        bad("port", b -> b.port(70_000)),
        bad("partitions", b -> b.partitions(0)),
        bad("partitionSize", b -> b.partitionSize(2)),
        bad("operationTimeout", b -> b.operationTimeout(Duration.ZERO)),
        bad("startTimeout", b -> b.startTimeout(Duration.ofSeconds(-1))),
        bad("members does not contain memberId", b -> b.memberId("m9").members(THREE)),
        bad("members lists member id", b -> b.memberId("m1").members(List.of(THREE.get(0), THREE.get(0)))),
        bad("members: member m2 needs a port", b -> b.memberId("m1").members(List.of(THREE.get(0), LedgerMember.parse("m2@127.0.0.1:0")))),
        bad("port 6000 differs", b -> b.memberId("m1").port(6000).members(THREE)),
        bad("dataDirectory", b -> b.dataDirectory(null)));
  }

  private static Arguments bad(String field, UnaryOperator<LedgerConfig.Builder> edit) {
    return Arguments.of(field, edit);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void invalidFieldsAreNamed(String field, UnaryOperator<LedgerConfig.Builder> edit) {
    assertThatThrownBy(() -> edit.apply(LedgerConfig.builder()).build())
        .hasMessageContaining("LedgerConfig." + field.split(" ")[0])
        .hasMessageContaining(field);
  }

  @Test
  void membersParseFromIdAtHostColonPort() {
    assertThat(LedgerMember.parse("ledger-2@10.0.0.2:5679")).isEqualTo(new LedgerMember("ledger-2", "10.0.0.2", 5679));
    assertThat(LedgerMember.parse("ledger-2@10.0.0.2:5679")).hasToString("ledger-2@10.0.0.2:5679");
    for (String bad : List.of("", "no-at:1", "@h:1", "id@:1", "id@h", "id@h:", "id@h:x", "id@h:70000")) {
      assertThatThrownBy(() -> LedgerMember.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
