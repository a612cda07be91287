package dev.icon.market.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.atomix.primitive.PrimitiveException;
import java.net.ConnectException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How Atomix failures of one call become ledger errors (the cause kept, the call named). */
class AtomixStoreTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(new PrimitiveException.Timeout(), LedgerError.TIMEOUT),
        Arguments.of(new PrimitiveException.Unavailable(), LedgerError.UNAVAILABLE),
        Arguments.of(new ConnectException("Failed to connect to the cluster"), LedgerError.UNAVAILABLE),
        Arguments.of(new PrimitiveException.ClosedSession(), LedgerError.CLOSED),
        Arguments.of(new IllegalStateException("boom"), LedgerError.STORE_FAILURE));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("failures")
  void atomixFailuresMapToLedgerErrors(Throwable cause, LedgerError expected) {
    LedgerException e = AtomixStore.failure("write of a1", cause);
    assertThat(e.error()).isEqualTo(expected);
    assertThat(e.getCause()).isSameAs(cause);
    assertThat(e.getMessage()).startsWith(expected + ": write of a1");
  }
}
